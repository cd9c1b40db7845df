-- grain: one row per fact row behind one value, in source order; the first ? of them, keys only
-- No text is built here: the rows' details are read afterwards for these keys alone.
SELECT fact_key
FROM int_lineage_placed(?, ?)
WHERE indicator = ? AND year = ? AND breakdown = ?
ORDER BY fact_table, source, try_cast(source_row AS INTEGER), source_row, fact_key
LIMIT ?
