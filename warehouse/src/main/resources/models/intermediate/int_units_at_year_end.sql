-- grain: one row per year and village-level unit in force on 31 December of that year
-- Units of every city in scope count, in districts without facts too. One set of rules for
-- int_indicators_units (the values) and int_lineage_units (the rows behind them).
SELECT y.year, v.division_code AS unit_code, v.division_name, v.kind
FROM int_indicator_years AS y
JOIN dim_division AS v
    ON v.level = 'village'
    AND (v.valid_from IS NULL OR v.valid_from <= make_date(y.year, 12, 31))
    AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31))
WHERE left(v.division_code, 4) IN (SELECT left(code_prefix, 4) FROM int_division_scope)
QUALIFY row_number() OVER (PARTITION BY y.year, v.division_code ORDER BY v.valid_from DESC NULLS LAST, v.division_name) = 1
ORDER BY year, unit_code
