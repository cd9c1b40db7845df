-- grain: one row per year, grid in force at year end and grid value it counts in
-- The rows behind the grid indicator, at the grid's community: each grid counts 1 in the headline
-- and its level, a lowest-level grid also in lowest_level and in the denominator of
-- residents_per_grid (whose residents come from int_lineage_reports).
WITH grid_parts AS (
    SELECT
        g.year, g.community_code, g.grid_code,
        coalesce(g.grid_name, g.grid_code) || ', level ' || g.grid_level
            || CASE WHEN g.is_lowest THEN ', lowest level' ELSE '' END || ', in force at year end' AS detail,
        unnest([
            {breakdown: '', counts: true, numerator: 1, denominator: NULL},
            {breakdown: 'level:' || g.grid_level, counts: true, numerator: 1, denominator: NULL},
            {breakdown: 'lowest_level', counts: g.is_lowest, numerator: 1, denominator: NULL},
            {breakdown: 'residents_per_grid', counts: g.is_lowest, numerator: 0, denominator: 1}
        ]) AS part
    FROM int_grids_at_year_end AS g
)

SELECT
    CAST(year AS INTEGER) AS year,
    community_code AS code,
    'grid' AS indicator,
    part.breakdown AS breakdown,
    'dim_grid' AS fact_table,
    grid_code AS fact_key,
    'grid_system.grid' AS source,
    'grid_code ' || grid_code AS source_row,
    detail,
    CAST(part.numerator AS DECIMAL(38, 10)) AS numerator_part,
    CAST(part.denominator AS DECIMAL(38, 10)) AS denominator_part,
    'sum' AS share_rule,
    CAST(NULL AS VARCHAR) AS counted,
    CAST(NULL AS DECIMAL(38, 10)) AS weight
FROM grid_parts
WHERE part.counts
