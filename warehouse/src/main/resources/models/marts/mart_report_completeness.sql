-- grain: one row per year and street office (township-level division) in scope
-- How complete the street-office reports behind the report indicators are: each community in
-- force at year end is expected to report every month up to the latest month any office's
-- report covers that year (the horizon); a quarterly report covers its three months. Offices
-- missing whole months are listed with them. The bulletin marks report figures built on
-- incomplete reports with this table.
WITH report_months AS (
    SELECT DISTINCT
        report_year AS year,
        community_code,
        CAST(month(m.month_start) AS INTEGER) AS month
    FROM fct_community_reports,
        LATERAL (SELECT unnest(generate_series(date_trunc('month', coalesce(period_start, period_end)),
            date_trunc('month', coalesce(period_end, period_start)), INTERVAL 1 MONTH)) AS month_start) AS m
    WHERE community_code IS NOT NULL AND report_year IS NOT NULL
        AND year(m.month_start) = report_year
),

horizon AS (
    SELECT year, max(month) AS months FROM report_months GROUP BY year
),

offices AS (
    SELECT dy.year, dy.division_code AS street_code, dy.code_prefix, h.months
    FROM int_division_years AS dy
    JOIN horizon AS h ON h.year = dy.year
    WHERE dy.division_level = 'street'
),

expected_units AS (
    SELECT o.year, o.street_code, count(u.unit_code) AS communities
    FROM offices AS o
    LEFT JOIN int_units_at_year_end AS u ON u.year = o.year AND left(u.unit_code, 9) = o.code_prefix
    GROUP BY ALL
),

received AS (
    SELECT o.year, o.street_code, count(r.community_code) AS community_months,
           count(DISTINCT r.community_code) AS communities_reporting
    FROM offices AS o
    JOIN report_months AS r ON r.year = o.year AND left(r.community_code, 9) = o.code_prefix
    GROUP BY ALL
),

office_months AS (
    SELECT o.year, o.street_code, CAST(m.month AS INTEGER) AS month,
           EXISTS (SELECT 1 FROM report_months AS r
                   WHERE r.year = o.year AND r.month = m.month AND left(r.community_code, 9) = o.code_prefix) AS reported
    FROM offices AS o, LATERAL (SELECT unnest(range(1, o.months + 1)) AS month) AS m
),

missing AS (
    SELECT year, street_code, string_agg(CAST(month AS VARCHAR), ',' ORDER BY month) AS missing_months
    FROM office_months
    WHERE NOT reported
    GROUP BY ALL
)

SELECT
    o.year,
    o.street_code AS division_code,
    CAST(o.months AS INTEGER) AS horizon_months,
    e.communities AS communities_expected,
    coalesce(r.communities_reporting, 0) AS communities_reporting,
    e.communities * o.months AS reports_expected,
    coalesce(r.community_months, 0) AS reports_received,
    coalesce(m.missing_months, '') AS missing_months,
    coalesce(r.community_months, 0) < e.communities * o.months AS is_incomplete
FROM offices AS o
JOIN expected_units AS e ON e.year = o.year AND e.street_code = o.street_code
LEFT JOIN received AS r ON r.year = o.year AND r.street_code = o.street_code
LEFT JOIN missing AS m ON m.year = o.year AND m.street_code = o.street_code
ORDER BY o.year, o.street_code
