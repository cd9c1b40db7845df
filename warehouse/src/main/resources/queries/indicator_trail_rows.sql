-- grain: one row per fact row behind one value, in source order
-- The caller appends a filter on fact_key (the keys of indicator_trail_keys.sql) or none (every row).
SELECT fact_table, fact_key, source, source_row, detail, numerator_part, denominator_part
FROM int_lineage_placed(?, ?)
WHERE indicator = ? AND year = ? AND breakdown = ?
