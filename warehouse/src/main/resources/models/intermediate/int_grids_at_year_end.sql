-- grain: one row per year and grid in force at the end of that year
-- In force: the version valid on 1 January of the next year, not retired by then, not an inferred
-- member (its attributes are unknown), with a level and a community. A grid is of the lowest level
-- when no grid in force then names it as its parent. One set of rules for int_indicators_grid
-- (the values) and int_lineage_grid (the rows behind them).
WITH grids AS (
    SELECT y.year, g.grid_code, g.grid_name, g.grid_level, g.parent_grid_code, g.community_code
    FROM int_indicator_years AS y
    JOIN dim_grid AS g
        ON (g.valid_from IS NULL OR g.valid_from < make_timestamp(y.year + 1, 1, 1, 0, 0, 0))
        AND (g.valid_to IS NULL OR g.valid_to >= make_timestamp(y.year + 1, 1, 1, 0, 0, 0))
        AND (g.retired_at IS NULL OR g.retired_at >= make_timestamp(y.year + 1, 1, 1, 0, 0, 0))
    WHERE NOT coalesce(g.is_inferred, false) AND g.community_code IS NOT NULL AND g.grid_level IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY y.year, g.grid_code ORDER BY g.valid_from DESC NULLS LAST) = 1
)

SELECT
    g.*,
    NOT EXISTS (SELECT 1 FROM grids AS c WHERE c.year = g.year AND c.parent_grid_code = g.grid_code) AS is_lowest
FROM grids AS g
ORDER BY year, grid_code
