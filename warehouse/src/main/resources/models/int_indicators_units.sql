-- grain: one row per year, division and breakdown of the units indicator
-- Village-level units in force on 31 December, by kind; a city counts units in districts
-- without facts too, since every unit of dim_division within it is counted.
WITH village_units_at_year_end AS (
    SELECT DISTINCT y.year, v.division_code AS unit_code, v.kind
    FROM int_indicator_years AS y
    JOIN dim_division AS v
        ON v.level = 'village'
        AND (v.valid_from IS NULL OR v.valid_from <= make_date(y.year, 12, 31))
        AND (v.valid_to IS NULL OR v.valid_to > make_date(y.year, 12, 31))
    WHERE left(v.division_code, 4) IN (SELECT left(code_prefix, 4) FROM int_division_scope)
),

unit_prefixes AS (
    SELECT
        year, unit_code, kind,
        unnest(list_distinct([left(unit_code, 4), left(unit_code, 6), left(unit_code, 9), unit_code])) AS code_prefix
    FROM village_units_at_year_end
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
