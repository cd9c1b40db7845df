-- grain: one row per fact row and indicator value it feeds (indicator, breakdown), at the fact's own division and year
-- The rows of every int_lineage_<subject> view in one relation: what mart_indicator_lineage places
-- into divisions and what the lineage audit adds up.
SELECT * FROM int_lineage_units
UNION ALL BY NAME
SELECT * FROM int_lineage_reports
UNION ALL BY NAME
SELECT * FROM int_lineage_purchase
UNION ALL BY NAME
SELECT * FROM int_lineage_grid
UNION ALL BY NAME
SELECT * FROM int_lineage_events
