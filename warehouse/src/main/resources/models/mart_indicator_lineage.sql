-- grain: one row per indicator value (year, division, indicator, breakdown) and fact row that contributes to it
-- Each fact row states what it adds to the numerator and to the denominator of the values it
-- counts in, so that for every value of mart_indicators listed here
--   sum(numerator_part) = numerator and sum(denominator_part) = denominator.
-- The rules mirror mart_indicators; a fact row is fanned out to the four prefixes of its code
-- and counts in every division in scope whose code_prefix it carries. To trace a new
-- indicator, add a CTE of its contributing rows to contributions.
WITH divisions AS (
    SELECT division_code, division_level, code_prefix
    FROM int_division_scope
),

-- units: every village-level unit in force on 31 December counts 1, in the headline and its kind
unit_rows AS (
    SELECT DISTINCT
        y.year, v.division_code AS code, v.kind, v.division_name
    FROM int_indicator_years AS y
    JOIN dim_division AS v
        ON v.level = 'village'
        AND (v.valid_from IS NULL OR v.valid_from <= make_date(y.year, 12, 31))
        AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31))
),

units AS (
    SELECT
        year, code, 'units' AS indicator, breakdown,
        'dim_division' AS fact_table, code AS fact_key,
        'NBS statistical division codes' AS source, code AS source_row,
        division_name || ' (' || coalesce(kind, 'unknown kind') || ') in force on 31 December' AS detail,
        CAST(1 AS DECIMAL(38, 10)) AS numerator_part, CAST(NULL AS DECIMAL(38, 10)) AS denominator_part
    FROM unit_rows, unnest(['', kind]) AS b (breakdown)
),

-- staff_avg: each community's last report of the year with a staff figure; 1 in the denominator
staff_avg AS (
    SELECT
        report_year AS year, community_code AS code, 'staff_avg' AS indicator, '' AS breakdown,
        'fct_community_reports' AS fact_table, community_code || ' ' || period AS fact_key,
        source_file AS source, CAST(source_line AS VARCHAR) AS source_row,
        'last report of the year (' || period || '): fulltime_staff ' || fulltime_staff AS detail,
        CAST(fulltime_staff AS DECIMAL(38, 10)), CAST(1 AS DECIMAL(38, 10))
    FROM int_community_last_reports
    WHERE fulltime_staff IS NOT NULL
),

-- volunteer_rate: last reports with volunteers and a positive resident population
volunteer_rate AS (
    SELECT
        report_year, community_code, 'volunteer_rate', '',
        'fct_community_reports', community_code || ' ' || period,
        source_file, CAST(source_line AS VARCHAR),
        'last report of the year (' || period || '): volunteers ' || volunteers
            || ', resident_population ' || resident_population,
        CAST(volunteers AS DECIMAL(38, 10)), CAST(resident_population AS DECIMAL(38, 10))
    FROM int_community_last_reports
    WHERE volunteers IS NOT NULL AND resident_population > 0
),

-- purchase: the service-year share of each contract row, in the headline, its category and per resident
service_years AS (
    SELECT
        year, served_code AS code, project_no, provider_credit_code,
        coalesce(service_category, 'unknown') AS service_category,
        coalesce(project_no, '?') || ' → ' || served_code AS fact_key,
        source_file, CAST(source_line AS VARCHAR) AS source_row,
        'allocated ' || allocated_amount_yuan || ' × ' || service_days || '/' || period_days
            || ' days of ' || service_start || '..' || service_end AS detail,
        service_amount_yuan
    FROM int_contract_service_years
    WHERE service_amount_yuan IS NOT NULL
),

purchase AS (
    SELECT
        year, code, 'purchase', breakdown,
        'fct_service_contracts', fact_key, source_file, source_row, detail,
        service_amount_yuan, CAST(NULL AS DECIMAL(38, 10))
    FROM service_years, unnest(['', 'category:' || service_category]) AS b (breakdown)
    UNION ALL
    SELECT
        year, code, 'purchase', 'per_resident',
        'fct_service_contracts', fact_key, source_file, source_row, detail,
        service_amount_yuan, CAST(0 AS DECIMAL(38, 10))
    FROM service_years
    UNION ALL
    SELECT
        report_year, community_code, 'purchase', 'per_resident',
        'fct_community_reports', community_code || ' ' || period,
        source_file, CAST(source_line AS VARCHAR),
        'last report of the year (' || period || '): resident_population ' || resident_population,
        CAST(0 AS DECIMAL(38, 10)), CAST(resident_population AS DECIMAL(38, 10))
    FROM int_community_last_reports
    WHERE resident_population IS NOT NULL
),

-- purchase signed: the allocated amount in the year of signing
purchase_signed AS (
    SELECT
        sign_year, served_code, 'purchase', 'signed',
        'fct_service_contracts', coalesce(project_no, '?') || ' → ' || served_code,
        source_file, CAST(source_line AS VARCHAR),
        'allocated ' || allocated_amount_yuan || ', signed ' || coalesce(CAST(signed_date AS VARCHAR), 'in ' || sign_year),
        CAST(allocated_amount_yuan AS DECIMAL(38, 10)), CAST(NULL AS DECIMAL(38, 10))
    FROM fct_service_contracts
    WHERE sign_year IS NOT NULL AND allocated_amount_yuan IS NOT NULL
),

-- close_rate: registered, not voided events of the report year, at the most precise division they name
close_rate AS (
    SELECT
        report_year, coalesce(community_code, township_code, district_code), 'close_rate', '',
        'fct_grid_events', event_id,
        'grid_system.event', 'event_id ' || event_id,
        'reported ' || coalesce(CAST(reported_at AS VARCHAR), '?')
            || CASE WHEN coalesce(is_closed, false) THEN ', closed' ELSE ', not closed' END,
        CAST(CASE WHEN coalesce(is_closed, false) THEN 1 ELSE 0 END AS DECIMAL(38, 10)), CAST(1 AS DECIMAL(38, 10))
    FROM fct_grid_events
    WHERE NOT coalesce(is_voided, false) AND is_registered
),

contributions AS (
    SELECT * FROM units
    UNION ALL SELECT * FROM staff_avg
    UNION ALL SELECT * FROM volunteer_rate
    UNION ALL SELECT * FROM purchase
    UNION ALL SELECT * FROM purchase_signed
    UNION ALL SELECT * FROM close_rate
),

contribution_prefixes AS (
    SELECT *, unnest(list_distinct([left(code, 4), left(code, 6), left(code, 9), code])) AS code_prefix
    FROM contributions
    WHERE code IS NOT NULL AND year IS NOT NULL
),

in_divisions AS (
    SELECT
        CAST(c.year AS INTEGER) AS year, d.division_code, d.division_level,
        c.indicator, c.breakdown, c.fact_table, c.fact_key, c.source, c.source_row, c.detail,
        c.numerator_part, c.denominator_part
    FROM contribution_prefixes AS c
    JOIN divisions AS d ON d.code_prefix = c.code_prefix
),

-- purchase projects and providers: each project (provider) with a positive service-year amount
-- in the division counts 1, carried by its first contract row there; its other rows add 0
counted_rows AS (
    SELECT *, 'projects' AS counted_as, project_no AS counted FROM service_years WHERE project_no IS NOT NULL
    UNION ALL
    SELECT *, 'providers', provider_credit_code FROM service_years WHERE provider_credit_code IS NOT NULL
),

counted_prefixes AS (
    SELECT *, unnest(list_distinct([left(code, 4), left(code, 6), left(code, 9), code])) AS code_prefix
    FROM counted_rows
    WHERE code IS NOT NULL AND year IS NOT NULL
),

counted_once AS (
    SELECT
        CAST(c.year AS INTEGER) AS year, d.division_code, d.division_level, 'purchase' AS indicator,
        c.counted_as AS breakdown, 'fct_service_contracts' AS fact_table, c.fact_key,
        c.source_file AS source, c.source_row,
        c.counted || CASE WHEN row_number() OVER first_row = 1
            THEN ' counted once, on this row' ELSE ' already counted' END AS detail,
        CAST(CASE WHEN row_number() OVER first_row = 1 THEN 1 ELSE 0 END AS DECIMAL(38, 10)) AS numerator_part,
        CAST(NULL AS DECIMAL(38, 10)) AS denominator_part
    FROM counted_prefixes AS c
    JOIN divisions AS d ON d.code_prefix = c.code_prefix
    WINDOW first_row AS (
        PARTITION BY c.year, d.division_code, c.counted_as, c.counted
        ORDER BY c.source_file, try_cast(c.source_row AS INTEGER), c.source_row, c.fact_key
    )
    QUALIFY sum(c.service_amount_yuan) OVER (PARTITION BY c.year, d.division_code, c.counted_as, c.counted) > 0
),

lineage AS (
    SELECT * FROM in_divisions
    UNION ALL
    SELECT * FROM counted_once
)

-- only values mart_indicators publishes (ratios with a zero denominator are not published)
SELECT l.*
FROM lineage AS l
SEMI JOIN mart_indicators AS m
    ON m.year = l.year AND m.division_code = l.division_code
    AND m.indicator = l.indicator AND m.breakdown = l.breakdown
ORDER BY year, division_code, indicator, breakdown, fact_table, source, try_cast(source_row AS INTEGER), source_row, fact_key
