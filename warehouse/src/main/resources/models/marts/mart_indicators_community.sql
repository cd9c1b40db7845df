-- grain: one row per community and year, one column per headline indicator
-- A view for BI tools: the communities (village-level units) of int_indicators_wide.
SELECT * EXCLUDE (division_level)
FROM int_indicators_wide
WHERE division_level = 'community'
