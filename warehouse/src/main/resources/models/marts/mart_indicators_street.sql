-- grain: one row per street and year, one column per headline indicator
-- A view for BI tools: the streets (township-level units) of int_indicators_wide.
SELECT * EXCLUDE (division_level)
FROM int_indicators_wide
WHERE division_level = 'street'
