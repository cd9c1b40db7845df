-- grain: one row per year, division, indicator and breakdown
-- A division contains a code when the code starts with the division's significant digits
-- (int_division_scope.code_prefix). Each fact row is fanned out to the four prefixes of its
-- code, so containment is an equality join. Counts and amounts are dense (0 where nothing
-- happened); ratios are left out where their denominator is 0.
WITH divisions AS (
    SELECT division_code, division_level, division_name, code_prefix
    FROM int_division_scope
),

division_years AS (
    SELECT y.year, d.division_code, d.code_prefix
    FROM int_indicator_years AS y
    CROSS JOIN divisions AS d
),

-- units: village-level units in force on 31 December, by kind
village_units_at_year_end AS (
    SELECT DISTINCT y.year, v.division_code AS unit_code, v.kind
    FROM int_indicator_years AS y
    JOIN dim_division AS v
        ON v.level = 'village'
        AND (v.valid_from IS NULL OR v.valid_from <= make_date(y.year, 12, 31))
        AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31))
    WHERE left(v.division_code, 4) IN (SELECT left(code_prefix, 4) FROM divisions)
),

unit_prefixes AS (
    SELECT
        year, unit_code, kind,
        unnest(list_distinct([left(unit_code, 4), left(unit_code, 6), left(unit_code, 9), unit_code])) AS code_prefix
    FROM village_units_at_year_end
),

unit_kinds AS (
    SELECT * FROM (VALUES (''), ('residents_committee'), ('villagers_committee')) AS k (breakdown)
),

units_by_division AS (
    SELECT dy.year, dy.division_code, k.breakdown, count(DISTINCT u.unit_code) AS units
    FROM division_years AS dy
    CROSS JOIN unit_kinds AS k
    LEFT JOIN unit_prefixes AS u
        ON u.year = dy.year AND u.code_prefix = dy.code_prefix AND (k.breakdown = '' OR u.kind = k.breakdown)
    GROUP BY dy.year, dy.division_code, k.breakdown
),

-- stock measures from each community's last report of the year
last_report_prefixes AS (
    SELECT
        report_year AS year, community_code, fulltime_staff, volunteers, resident_population,
        unnest(list_distinct([left(community_code, 4), left(community_code, 6), left(community_code, 9), community_code]))
            AS code_prefix
    FROM int_community_last_reports
),

report_stocks_by_division AS (
    SELECT
        dy.year,
        dy.division_code,
        sum(r.fulltime_staff) AS staff,
        count(r.fulltime_staff) AS staff_reporting,
        sum(r.volunteers) FILTER (WHERE r.volunteers IS NOT NULL AND r.resident_population > 0) AS volunteers,
        sum(r.resident_population) FILTER (WHERE r.volunteers IS NOT NULL AND r.resident_population > 0)
            AS volunteer_residents,
        sum(r.resident_population) AS residents
    FROM division_years AS dy
    JOIN last_report_prefixes AS r ON r.year = dy.year AND r.code_prefix = dy.code_prefix
    GROUP BY dy.year, dy.division_code
),

-- purchase: service-year amounts; district and street contracts count at their level and above
contract_service_prefixes AS (
    SELECT
        year, project_no, provider_credit_code, coalesce(service_category, 'unknown') AS service_category,
        service_amount_yuan,
        unnest(list_distinct([left(served_code, 4), left(served_code, 6), left(served_code, 9), served_code]))
            AS code_prefix
    FROM int_contract_service_years
    WHERE service_amount_yuan IS NOT NULL
),

contract_service_in_division AS (
    SELECT dy.year, dy.division_code, c.project_no, c.provider_credit_code, c.service_category, c.service_amount_yuan
    FROM division_years AS dy
    JOIN contract_service_prefixes AS c ON c.year = dy.year AND c.code_prefix = dy.code_prefix
),

purchase_by_division AS (
    SELECT dy.year, dy.division_code, coalesce(sum(c.service_amount_yuan), 0) AS amount
    FROM division_years AS dy
    LEFT JOIN contract_service_in_division AS c ON c.year = dy.year AND c.division_code = dy.division_code
    GROUP BY dy.year, dy.division_code
),

purchase_by_category AS (
    SELECT year, division_code, service_category, sum(service_amount_yuan) AS amount
    FROM contract_service_in_division
    GROUP BY year, division_code, service_category
),

project_amounts AS (
    SELECT year, division_code, project_no, sum(service_amount_yuan) AS amount
    FROM contract_service_in_division
    WHERE project_no IS NOT NULL
    GROUP BY year, division_code, project_no
),

provider_amounts AS (
    SELECT year, division_code, provider_credit_code, sum(service_amount_yuan) AS amount
    FROM contract_service_in_division
    WHERE provider_credit_code IS NOT NULL
    GROUP BY year, division_code, provider_credit_code
),

projects_by_division AS (
    SELECT dy.year, dy.division_code, count(p.project_no) AS projects
    FROM division_years AS dy
    LEFT JOIN project_amounts AS p ON p.year = dy.year AND p.division_code = dy.division_code AND p.amount > 0
    GROUP BY dy.year, dy.division_code
),

providers_by_division AS (
    SELECT dy.year, dy.division_code, count(p.provider_credit_code) AS providers
    FROM division_years AS dy
    LEFT JOIN provider_amounts AS p ON p.year = dy.year AND p.division_code = dy.division_code AND p.amount > 0
    GROUP BY dy.year, dy.division_code
),

contract_signing_prefixes AS (
    SELECT
        sign_year AS year, allocated_amount_yuan,
        unnest(list_distinct([left(served_code, 4), left(served_code, 6), left(served_code, 9), served_code]))
            AS code_prefix
    FROM fct_service_contracts
),

signed_by_division AS (
    SELECT dy.year, dy.division_code, coalesce(sum(s.allocated_amount_yuan), 0) AS amount
    FROM division_years AS dy
    LEFT JOIN contract_signing_prefixes AS s ON s.year = dy.year AND s.code_prefix = dy.code_prefix
    GROUP BY dy.year, dy.division_code
),

-- close_rate: registered, not voided events of the report year; an event without a community
-- counts at the street or district it names (and above)
registered_events AS (
    SELECT report_year AS year, coalesce(is_closed, false) AS is_closed,
           coalesce(community_code, township_code, district_code) AS event_code
    FROM fct_grid_events
    WHERE NOT coalesce(is_voided, false) AND is_registered
),

registered_event_prefixes AS (
    SELECT year, is_closed,
           unnest(list_distinct([left(event_code, 4), left(event_code, 6), left(event_code, 9), event_code]))
               AS code_prefix
    FROM registered_events
    WHERE event_code IS NOT NULL
),

event_closure_by_division AS (
    SELECT dy.year, dy.division_code, count(*) FILTER (WHERE e.is_closed) AS closed, count(*) AS registered
    FROM division_years AS dy
    JOIN registered_event_prefixes AS e ON e.year = dy.year AND e.code_prefix = dy.code_prefix
    GROUP BY dy.year, dy.division_code
),

indicator_rows AS (
    SELECT year, division_code, 'units' AS indicator, breakdown,
           CAST(units AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
           CAST(units AS DOUBLE) AS value, '个' AS unit
    FROM units_by_division
    UNION ALL
    SELECT year, division_code, 'staff_avg', '',
           staff, staff_reporting, staff / staff_reporting, '人/社区'
    FROM report_stocks_by_division
    WHERE staff_reporting > 0
    UNION ALL
    SELECT year, division_code, 'volunteer_rate', '',
           volunteers, volunteer_residents, volunteers / volunteer_residents, 'ratio'
    FROM report_stocks_by_division
    WHERE volunteer_residents > 0
    UNION ALL
    SELECT year, division_code, 'purchase', '',
           amount, NULL, round(CAST(amount AS DOUBLE), 2), '元'
    FROM purchase_by_division
    UNION ALL
    SELECT year, division_code, 'purchase', 'signed',
           amount, NULL, round(CAST(amount AS DOUBLE), 2), '元'
    FROM signed_by_division
    UNION ALL
    SELECT p.year, p.division_code, 'purchase', 'per_resident',
           p.amount, r.residents, CAST(p.amount AS DOUBLE) / r.residents, '元/人'
    FROM purchase_by_division AS p
    JOIN report_stocks_by_division AS r ON r.year = p.year AND r.division_code = p.division_code
    WHERE r.residents > 0
    UNION ALL
    SELECT year, division_code, 'purchase', 'category:' || service_category,
           amount, NULL, round(CAST(amount AS DOUBLE), 2), '元'
    FROM purchase_by_category
    UNION ALL
    SELECT year, division_code, 'purchase', 'projects',
           projects, NULL, projects, '个'
    FROM projects_by_division
    UNION ALL
    SELECT year, division_code, 'purchase', 'providers',
           providers, NULL, providers, '个'
    FROM providers_by_division
    UNION ALL
    SELECT year, division_code, 'close_rate', '',
           closed, registered, closed / registered, 'ratio'
    FROM event_closure_by_division
    WHERE registered > 0
)

SELECT
    CAST(r.year AS INTEGER) AS year,
    d.division_code,
    d.division_level,
    d.division_name,
    r.indicator,
    r.breakdown,
    CAST(r.numerator AS DOUBLE) AS numerator,
    CAST(r.denominator AS DOUBLE) AS denominator,
    CAST(r.value AS DOUBLE) AS value,
    r.unit
FROM indicator_rows AS r
JOIN divisions AS d ON d.division_code = r.division_code
ORDER BY year, division_code, indicator, breakdown
