-- grain: one row per year, village-level unit in force at year end and units value it counts in (headline, its kind)
-- The rows behind the units indicator, at the unit's own code: each unit counts 1.
-- Every int_lineage_<subject> model has the same columns (see int_lineage_reports.yml);
-- mart_indicator_lineage places them in the divisions that contain their code.
SELECT
    CAST(u.year AS INTEGER) AS year,
    u.unit_code AS code,
    'units' AS indicator,
    b.breakdown,
    'dim_division' AS fact_table,
    u.unit_code AS fact_key,
    'NBS statistical division codes' AS source,
    u.unit_code AS source_row,
    u.division_name || ' (' || coalesce(u.kind, 'unknown kind') || ') in force on 31 December' AS detail,
    CAST(1 AS DECIMAL(38, 10)) AS numerator_part,
    CAST(NULL AS DECIMAL(38, 10)) AS denominator_part,
    'sum' AS share_rule,
    CAST(NULL AS VARCHAR) AS counted,
    CAST(NULL AS DECIMAL(38, 10)) AS weight
FROM int_units_at_year_end AS u, unnest(list_distinct(['', u.kind])) AS b (breakdown)
WHERE b.breakdown IS NOT NULL
