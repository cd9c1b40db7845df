-- grain: one row per community and reporting period
-- Staging view over the lake table as loaded from the lake snapshot; the warehouse table
-- fct_community_reports is built from it. Renames and casts go here when the lake and the warehouse differ.
SELECT *
FROM lake.fct_community_reports
