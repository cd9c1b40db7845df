-- grain: the SQL floor of a benchmark run: grid_events (one row per event), community_reports (one row per report row), service_contracts (one row per contract and served division), indicators (one row per year, division and indicator)
-- What a hand-written DuckDB job does with the data Shequ landed and staged, and no more: no
-- quarantine, no accounting, no lineage, exact and normalised names only. It bounds from below
-- what stage → publish can cost on this machine.
-- Parameters (a dollar sign and the name in braces, replaced as text before running): event, event_flow, grid (landed grid
-- Parquet, SQL list literals), reports, contracts (staged Parquet), divisions (the lake's
-- dim_division files), extracted_at (TIMESTAMP literal), ipad, opad (BLOB literals: the HMAC key
-- XOR its pads), out (folder for the Parquet written, no quotes).

-- official names end in a committee suffix, written names often in 社区 or 村 alone: 郑家村村民委员会 is 郑家
CREATE OR REPLACE TEMP MACRO normalized_name(name) AS
    regexp_replace(regexp_replace(name, '(居民委员会|村民委员会|居委会|村委会)$', ''), '(社区|村)$', '');

CREATE OR REPLACE TEMP TABLE division AS
SELECT
    division_code,
    division_name,
    level,
    parent_code,
    normalized_name(division_name) AS name_normalized
FROM read_parquet(${divisions})
WHERE is_current;

CREATE OR REPLACE TEMP TABLE grid_events AS
WITH flows AS (
    -- a duplicated flow (the same action and time again under a higher seq) counts once: the lowest seq
    SELECT event_id, seq, action, acted_at, note
    FROM read_parquet(${event_flow})
    WHERE acted_at <= ${extracted_at}
    QUALIFY row_number() OVER (PARTITION BY event_id, action, acted_at ORDER BY seq) = 1
),

milestones AS (
    SELECT
        event_id,
        min(acted_at) FILTER (WHERE action = '上报') AS reported_at,
        min(acted_at) FILTER (WHERE action = '立案') AS registered_at,
        min(acted_at) FILTER (WHERE action = '派遣') AS dispatched_at,
        max(acted_at) FILTER (WHERE action = '处置') AS disposed_at,
        max(acted_at) FILTER (WHERE action = '核查') AS checked_at,
        max(acted_at) FILTER (WHERE action = '结案') AS closed_at,
        max(acted_at) FILTER (WHERE action = '作废') AS voided_at,
        count(*) FILTER (WHERE action = '返工') AS rework_count,
        count(*) FILTER (WHERE action = '延期') AS extension_count,
        arg_max(note, acted_at) FILTER (WHERE action = '延期') AS last_extension_note
    FROM flows
    GROUP BY event_id
),

events AS (
    -- the vendor clock sometimes runs a century ahead: such rows are no data yet
    SELECT *
    FROM read_parquet(${event})
    WHERE reported_at <= ${extracted_at} AND updated_at <= ${extracted_at}
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY updated_at DESC) = 1
),

grids AS (
    SELECT grid_code, community_code
    FROM read_parquet(${grid})
    QUALIFY row_number() OVER (PARTITION BY grid_code ORDER BY updated_at DESC) = 1
),

joined AS (
    SELECT
        e.event_id,
        e.grid_code,
        g.community_code,
        e.category_code,
        e.channel,
        coalesce(m.reported_at, e.reported_at) AS reported_at,
        m.registered_at,
        m.dispatched_at,
        m.disposed_at,
        m.checked_at,
        m.closed_at,
        m.voided_at,
        coalesce(m.rework_count, 0) AS rework_count,
        coalesce(m.extension_count, 0) AS extension_count,
        -- an extension moves the deadline to the time its note names
        coalesce(try_strptime(regexp_extract(m.last_extension_note, '(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})', 1),
            '%Y-%m-%d %H:%M:%S'), e.deadline_at) AS deadline_at,
        e.satisfaction,
        e.reporter_id_no
    FROM events AS e
    LEFT JOIN milestones AS m ON m.event_id = e.event_id
    LEFT JOIN grids AS g ON g.grid_code = e.grid_code
)

SELECT
    * EXCLUDE (reporter_id_no),
    year(reported_at) AS year,
    closed_at IS NOT NULL AND closed_at <= deadline_at AS is_on_time,
    date_diff('second', registered_at, closed_at) / 3600.0 AS hours_to_close,
    -- HMAC-SHA256 by its definition: H((K ^ opad) || H((K ^ ipad) || m))
    sha256(${opad} || unhex(sha256(${ipad} || encode(reporter_id_no)))) AS reporter_key,
    CASE WHEN length(reporter_id_no) = 18
        THEN CASE WHEN try_cast(substr(reporter_id_no, 17, 1) AS INTEGER) % 2 = 1 THEN 'M' ELSE 'F' END END AS reporter_sex,
    (year(reported_at) - try_cast(substr(reporter_id_no, 7, 4) AS INTEGER)) // 10 * 10 AS reporter_age_band
FROM joined;

COPY grid_events TO '${out}/grid_events.parquet' (FORMAT parquet);

CREATE OR REPLACE TEMP TABLE community_reports AS
WITH latest AS (
    -- a corrected resubmission (later arrival, then later modification) replaces the office's earlier file
    SELECT *
    FROM read_parquet(${reports})
    QUALIFY dense_rank() OVER (
        PARTITION BY street_hint, period ORDER BY arrived_millis DESC, modified_millis DESC, source_file DESC) = 1
),

streets AS (
    SELECT division_code AS street_code, division_name AS street_name
    FROM division
    WHERE level = 'township'
),

communities AS (
    SELECT division_code AS community_code, parent_code AS street_code, name_normalized
    FROM division
    WHERE level = 'village'
)

SELECT
    c.community_code,
    l.report_year,
    l.period,
    l.period_end,
    l.households,
    l.resident_population,
    l.fulltime_staff,
    l.social_workers,
    l.office_area_m2,
    l.volunteers,
    l.social_orgs,
    l.consult_platforms,
    l.consult_meetings,
    l.matters_public,
    l.matters_livelihood,
    l.matters_disputes,
    l.source_file,
    l.source_line
FROM latest AS l
JOIN streets AS s ON s.street_name = l.street_hint
JOIN communities AS c ON c.street_code = s.street_code AND c.name_normalized = l.community_name_normalized
-- a street name two districts share would match twice: keep one
QUALIFY row_number() OVER (PARTITION BY l.source_file, l.source_sheet, l.source_line ORDER BY c.community_code) = 1;

COPY community_reports TO '${out}/community_reports.parquet' (FORMAT parquet);

CREATE OR REPLACE TEMP TABLE service_contracts AS
WITH latest AS (
    -- an amendment row with the same project number replaces the original
    SELECT *
    FROM read_parquet(${contracts})
    QUALIFY row_number() OVER (
        PARTITION BY project_no ORDER BY arrived_millis DESC, modified_millis DESC, source_file DESC, source_line DESC) = 1
),

parts AS (
    SELECT
        project_no,
        contract_amount,
        signed_date,
        service_category_code,
        purchaser,
        -- a ledger's file is named after its district: 市中区_2023年政府购买服务台账.xlsx
        split_part(regexp_replace(source_file, '^.*/', ''), '_', 1) AS district_name,
        unnest(served_parts) AS part,
        len(served_parts) AS part_count
    FROM latest
),

districts AS (
    SELECT division_code AS district_code, division_name AS district_name
    FROM division
    WHERE level = 'district'
),

resolved AS (
    SELECT
        p.*,
        CASE
            WHEN p.part = '全区' THEN d.district_code
            WHEN p.part = '全街道' THEN (
                SELECT min(s.division_code) FROM division AS s
                WHERE s.level = 'township' AND s.parent_code = d.district_code
                  AND s.division_name = regexp_replace(p.purchaser, '办事处$', ''))
            WHEN p.part LIKE '%各社区' THEN (
                SELECT min(s.division_code) FROM division AS s
                WHERE s.level = 'township' AND s.parent_code = d.district_code
                  AND s.division_name = regexp_replace(p.part, '各社区$', ''))
            ELSE (
                SELECT min(c.division_code) FROM division AS c
                WHERE c.level = 'village' AND left(c.division_code, 6) = left(d.district_code, 6)
                  AND c.name_normalized = normalized_name(p.part))
        END AS served_code
    FROM parts AS p
    LEFT JOIN districts AS d ON d.district_name = p.district_name
)

SELECT
    r.project_no,
    r.served_code,
    dv.level AS served_level,
    r.signed_date,
    year(r.signed_date) AS sign_year,
    r.service_category_code,
    -- served divisions share the amount equally
    round(r.contract_amount / r.part_count, 2) AS amount
FROM resolved AS r
JOIN division AS dv ON dv.division_code = r.served_code;

COPY service_contracts TO '${out}/service_contracts.parquet' (FORMAT parquet);

CREATE OR REPLACE TEMP TABLE indicators AS
WITH counted_events AS (
    SELECT
        *,
        left(community_code, 4) AS city,
        left(community_code, 6) AS district,
        left(community_code, 9) AS street,
        community_code AS community
    FROM grid_events
    WHERE voided_at IS NULL AND community_code IS NOT NULL
),

events_by_level AS (
    SELECT
        year,
        coalesce(community, street, district, city) AS prefix,
        count(*) AS reported,
        count(*) FILTER (WHERE registered_at IS NOT NULL) AS registered,
        count(*) FILTER (WHERE registered_at IS NOT NULL AND closed_at IS NOT NULL) AS closed,
        count(*) FILTER (WHERE registered_at IS NOT NULL AND is_on_time) AS closed_on_time,
        count(*) FILTER (WHERE registered_at IS NOT NULL AND rework_count > 0) AS reworked,
        count(satisfaction) AS rated,
        count(satisfaction) FILTER (WHERE satisfaction IN ('满意', '基本满意')) AS satisfied,
        avg(hours_to_close) FILTER (WHERE registered_at IS NOT NULL) AS mean_hours,
        median(hours_to_close) FILTER (WHERE registered_at IS NOT NULL) AS median_hours
    FROM counted_events
    GROUP BY GROUPING SETS ((year, city), (year, district), (year, street), (year, community))
),

last_reports AS (
    -- stock measures: the community's last report of the year
    SELECT *
    FROM community_reports
    QUALIFY row_number() OVER (PARTITION BY community_code, report_year ORDER BY period_end DESC, period DESC) = 1
),

year_flows AS (
    -- flow measures add up the year's reports
    SELECT
        community_code,
        report_year,
        sum(consult_meetings) AS meetings,
        sum(matters_public) AS matters_public,
        sum(matters_livelihood) AS matters_livelihood,
        sum(matters_disputes) AS matters_disputes
    FROM community_reports
    GROUP BY community_code, report_year
),

report_figures AS (
    SELECT
        l.*,
        f.meetings,
        f.matters_public,
        f.matters_livelihood,
        f.matters_disputes,
        left(l.community_code, 4) AS city,
        left(l.community_code, 6) AS district,
        left(l.community_code, 9) AS street,
        l.community_code AS community
    FROM last_reports AS l
    JOIN year_flows AS f ON f.community_code = l.community_code AND f.report_year = l.report_year
),

reports_by_level AS (
    SELECT
        report_year AS year,
        coalesce(community, street, district, city) AS prefix,
        sum(households) AS households,
        sum(resident_population) AS residents,
        count(fulltime_staff) AS staff_reporting,
        sum(fulltime_staff) AS staff,
        sum(social_workers) AS social_workers,
        sum(volunteers) AS volunteers,
        sum(social_orgs) AS social_orgs,
        count(office_area_m2) AS office_reporting,
        count(*) FILTER (WHERE office_area_m2 >= 300) AS office_ok,
        sum(office_area_m2) AS office_area,
        sum(meetings) AS meetings,
        sum(matters_public) + sum(matters_livelihood) + sum(matters_disputes) AS matters
    FROM report_figures
    GROUP BY GROUPING SETS ((year, city), (year, district), (year, street), (year, community))
),

contracts_by_level AS (
    -- an amount for a whole district or street counts there and above, never in the units below
    SELECT
        sign_year AS year,
        coalesce(community, street, district, city) AS prefix,
        sum(amount) AS signed_amount,
        count(DISTINCT project_no) AS projects
    FROM (
        SELECT
            *,
            left(served_code, 4) AS city,
            left(served_code, 6) AS district,
            CASE WHEN served_level IN ('township', 'village') THEN left(served_code, 9) END AS street,
            CASE WHEN served_level = 'village' THEN served_code END AS community
        FROM service_contracts
    )
    GROUP BY GROUPING SETS ((year, city), (year, district), (year, street), (year, community))
),

figures AS (
    SELECT
        coalesce(e.year, r.year, c.year) AS year,
        coalesce(e.prefix, r.prefix, c.prefix) AS prefix,
        e.* EXCLUDE (year, prefix),
        r.* EXCLUDE (year, prefix),
        c.* EXCLUDE (year, prefix)
    FROM events_by_level AS e
    FULL JOIN reports_by_level AS r ON r.year = e.year AND r.prefix = e.prefix
    FULL JOIN contracts_by_level AS c ON c.year = coalesce(e.year, r.year) AND c.prefix = coalesce(e.prefix, r.prefix)
),

long_form AS (
    SELECT year, prefix, 'events' AS indicator, reported AS numerator, residents AS denominator,
           reported * 1000.0 / residents AS value FROM figures WHERE residents > 0
    UNION ALL SELECT year, prefix, 'close_rate', closed, registered, closed / registered FROM figures WHERE registered > 0
    UNION ALL SELECT year, prefix, 'ontime_rate', closed_on_time, registered, closed_on_time / registered FROM figures WHERE registered > 0
    UNION ALL SELECT year, prefix, 'rework_rate', reworked, registered, reworked / registered FROM figures WHERE registered > 0
    UNION ALL SELECT year, prefix, 'satisfaction', satisfied, rated, satisfied / rated FROM figures WHERE rated > 0
    UNION ALL SELECT year, prefix, 'dispose_hours', mean_hours, NULL, mean_hours FROM figures WHERE mean_hours IS NOT NULL
    UNION ALL SELECT year, prefix, 'dispose_hours_median', median_hours, NULL, median_hours FROM figures WHERE median_hours IS NOT NULL
    UNION ALL SELECT year, prefix, 'office_ok', office_ok, office_reporting, office_ok / office_reporting FROM figures WHERE office_reporting > 0
    UNION ALL SELECT year, prefix, 'staff_avg', staff, staff_reporting, staff / staff_reporting FROM figures WHERE staff_reporting > 0
    UNION ALL SELECT year, prefix, 'staff_per_10k', staff, residents, staff * 10000.0 / residents FROM figures WHERE residents > 0
    UNION ALL SELECT year, prefix, 'social_workers', social_workers, NULL, social_workers FROM figures WHERE social_workers IS NOT NULL
    UNION ALL SELECT year, prefix, 'volunteer_rate', volunteers, residents, volunteers / residents FROM figures WHERE residents > 0
    UNION ALL SELECT year, prefix, 'social_orgs', social_orgs, NULL, social_orgs FROM figures WHERE social_orgs IS NOT NULL
    UNION ALL SELECT year, prefix, 'space_per_100hh', office_area, households, office_area * 100 / households FROM figures WHERE households > 0
    UNION ALL SELECT year, prefix, 'consult', matters, NULL, matters FROM figures WHERE matters IS NOT NULL
    UNION ALL SELECT year, prefix, 'purchase_signed', signed_amount, NULL, signed_amount FROM figures WHERE signed_amount IS NOT NULL
)

SELECT
    CAST(year AS INTEGER) AS year,
    rpad(prefix, 12, '0') AS division_code,
    CASE length(prefix) WHEN 4 THEN 'city' WHEN 6 THEN 'district' WHEN 9 THEN 'street' ELSE 'community' END AS level,
    indicator,
    CAST(numerator AS DOUBLE) AS numerator,
    CAST(denominator AS DOUBLE) AS denominator,
    CAST(value AS DOUBLE) AS value
FROM long_form
WHERE prefix IS NOT NULL AND year IS NOT NULL;

COPY indicators TO '${out}/indicators.parquet' (FORMAT parquet);
