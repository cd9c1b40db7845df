-- grain: one row per fact row of shequ_trail, in source order; the first ? of them
SELECT fact_table, fact_key, source, source_row, detail, numerator_part, denominator_part
FROM shequ_trail
ORDER BY fact_table, source, try_cast(source_row AS INTEGER), source_row, fact_key
LIMIT ?
