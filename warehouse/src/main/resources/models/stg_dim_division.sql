-- grain: one row per division unit version (type 2), keyed by division_code and valid_from
-- Staging view over the lake table as loaded from the lake snapshot; the warehouse table
-- dim_division is built from it. Renames and casts go here when the lake and the warehouse differ.
SELECT *
FROM lake.dim_division
