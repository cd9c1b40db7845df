-- grain: one row per grid event
-- Staging view over the lake table as loaded from the lake snapshot; the warehouse table
-- fct_grid_events is built from it. Renames and casts go here when the lake and the warehouse differ.
SELECT *
FROM lake.fct_grid_events
