-- grain: one row per year, division and breakdown of the grid indicator
-- Grids in force at the end of the year (int_grids_at_year_end: the version valid then, not
-- retired, not inferred) count in their community and above; lowest level: no child in force.
WITH grid_prefixes AS (
    SELECT
        year, grid_code, grid_level, is_lowest,
        unnest(list_distinct([left(community_code, 4), left(community_code, 6), left(community_code, 9), community_code]))
            AS code_prefix
    FROM int_grids_at_year_end
),

grid_levels AS (
    SELECT * FROM (VALUES (''), ('level:1'), ('level:2'), ('level:3'), ('level:4'), ('lowest_level')) AS l (breakdown)
),

grids_by_division AS (
    SELECT dy.year, dy.division_code, l.breakdown, count(DISTINCT g.grid_code) AS grids
    FROM int_division_years AS dy
    CROSS JOIN grid_levels AS l
    LEFT JOIN grid_prefixes AS g
        ON g.year = dy.year AND g.code_prefix = dy.code_prefix
        AND (l.breakdown = ''
            OR (l.breakdown = 'lowest_level' AND g.is_lowest)
            OR l.breakdown = 'level:' || g.grid_level)
    GROUP BY dy.year, dy.division_code, l.breakdown
),

indicator_rows AS (
    SELECT year, division_code, breakdown, CAST(grids AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
           CAST(grids AS DOUBLE) AS value, '个' AS unit
    FROM grids_by_division
    UNION ALL
    SELECT g.year, g.division_code, 'residents_per_grid', r.residents, g.grids, r.residents / g.grids, '人/网格'
    FROM grids_by_division AS g
    JOIN int_division_report_figures AS r ON r.year = g.year AND r.division_code = g.division_code
    WHERE g.breakdown = 'lowest_level' AND g.grids > 0 AND r.residents > 0
)

SELECT
    CAST(year AS INTEGER) AS year,
    division_code,
    'grid' AS indicator,
    breakdown,
    CAST(numerator AS DOUBLE) AS numerator,
    CAST(denominator AS DOUBLE) AS denominator,
    CAST(value AS DOUBLE) AS value,
    unit
FROM indicator_rows
ORDER BY year, division_code, indicator, breakdown
