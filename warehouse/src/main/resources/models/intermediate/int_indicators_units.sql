-- grain: one row per year, division and breakdown of the units indicator
-- Village-level units in force on 31 December (int_units_at_year_end), by kind; a city counts
-- units in districts without facts too, since every unit of dim_division within it is counted.
WITH unit_prefixes AS (
    SELECT
        year, unit_code, kind,
        unnest(list_distinct([left(unit_code, 4), left(unit_code, 6), left(unit_code, 9), unit_code])) AS code_prefix
    FROM int_units_at_year_end
),

unit_kinds AS (
    SELECT * FROM (VALUES (''), ('residents_committee'), ('villagers_committee')) AS k (breakdown)
),

units_by_division AS (
    SELECT dy.year, dy.division_code, k.breakdown, count(DISTINCT u.unit_code) AS units
    FROM int_division_years AS dy
    CROSS JOIN unit_kinds AS k
    LEFT JOIN unit_prefixes AS u
        ON u.year = dy.year AND u.code_prefix = dy.code_prefix AND (k.breakdown = '' OR u.kind = k.breakdown)
    GROUP BY dy.year, dy.division_code, k.breakdown
)

SELECT
    CAST(year AS INTEGER) AS year,
    division_code,
    'units' AS indicator,
    breakdown,
    CAST(units AS DOUBLE) AS numerator,
    CAST(NULL AS DOUBLE) AS denominator,
    CAST(units AS DOUBLE) AS value,
    '个' AS unit
FROM units_by_division
ORDER BY year, division_code, indicator, breakdown
