-- grain: one row per city and year, one column per headline indicator
-- A view for BI tools: the cities of int_indicators_wide.
SELECT * EXCLUDE (division_level)
FROM int_indicators_wide
WHERE division_level = 'city'
