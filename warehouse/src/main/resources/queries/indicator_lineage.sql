-- grain: one row per fact row behind one indicator value (mart_indicator_lineage)
SELECT fact_table, fact_key, source, source_row, detail, numerator_part, denominator_part
FROM mart_indicator_lineage
WHERE indicator = ? AND division_code = ? AND year = ? AND breakdown = ?
ORDER BY fact_table, source, try_cast(source_row AS INTEGER), source_row, fact_key
