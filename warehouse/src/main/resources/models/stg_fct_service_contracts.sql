-- grain: one row per contract and served division
-- Staging view over the lake table as loaded from the lake snapshot; the warehouse table
-- fct_service_contracts is built from it. Renames and casts go here when the lake and the warehouse differ.
SELECT *
FROM lake.fct_service_contracts
