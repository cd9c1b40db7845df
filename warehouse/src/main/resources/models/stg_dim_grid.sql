-- grain: one row per grid version (type 2), keyed by grid_code and valid_from
-- Staging view over the lake table as loaded from the lake snapshot; the warehouse table
-- dim_grid is built from it. Renames and casts go here when the lake and the warehouse differ.
SELECT *
FROM lake.dim_grid
