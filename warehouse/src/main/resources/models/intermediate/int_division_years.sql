-- grain: one row per indicator year and division in scope
-- Every indicator model joins its facts to this table on (year, code_prefix): a fact code is
-- fanned out to its city, district, street and own prefixes, so containment is an equality join.
SELECT y.year, d.division_code, d.division_level, d.code_prefix
FROM int_indicator_years AS y
CROSS JOIN int_division_scope AS d
ORDER BY y.year, d.division_code
