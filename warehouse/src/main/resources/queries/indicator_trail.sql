-- grain: one row per fact row behind one indicator value (year, division, indicator, breakdown)
-- Kept in a temporary table for the summaries and pages that follow. The starts_with filter on
-- the fact's own code reaches the scan of the facts, so only the division's rows are read.
CREATE OR REPLACE TEMP TABLE shequ_trail AS
SELECT fact_table, fact_key, source, source_row, detail, numerator_part, denominator_part, code
FROM mart_indicator_lineage
WHERE indicator = ? AND division_code = ? AND year = ? AND breakdown = ? AND starts_with(code, ?)
