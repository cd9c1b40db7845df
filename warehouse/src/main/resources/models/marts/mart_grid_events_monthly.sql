-- grain: one row per year, month and division (city, district or street) in scope
-- The events that count in the indicators (int_grid_events_counted: reported in the year, not
-- voided), by the month they were reported, at the division they name and above; dense, so a
-- month without events is 0. The monthly line of the statistical bulletin; the year's sum is
-- the events indicator's count breakdown.
WITH months AS (
    SELECT unnest(range(1, 13)) AS month
),

divisions AS (
    SELECT year, division_code, code_prefix
    FROM int_division_years
    WHERE division_level IN ('city', 'district', 'street')
),

event_prefixes AS (
    SELECT
        year,
        CAST(month(reported_at) AS INTEGER) AS month,
        unnest(list_distinct([left(event_code, 4), left(event_code, 6), left(event_code, 9)])) AS code_prefix
    FROM int_grid_events_counted
),

counted AS (
    SELECT d.year, d.division_code, e.month, count(*) AS events
    FROM divisions AS d
    JOIN event_prefixes AS e ON e.year = d.year AND e.code_prefix = d.code_prefix
    GROUP BY ALL
)

SELECT
    d.year,
    CAST(m.month AS INTEGER) AS month,
    d.division_code,
    coalesce(c.events, 0) AS events
FROM divisions AS d
CROSS JOIN months AS m
LEFT JOIN counted AS c ON c.year = d.year AND c.division_code = d.division_code AND c.month = m.month
ORDER BY d.year, d.division_code, month
