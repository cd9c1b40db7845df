-- grain: one row per indicator value (year, division, indicator, breakdown) and fact row that contributes to it
-- A view, derived by query from the fact-grain rows of the int_lineage_<subject> views: nothing
-- is stored per value × row × level. For one value, int_lineage_placed(division_code, prefix)
-- reads only that division's facts; ./shequ explain does so.
SELECT * FROM int_lineage_placed(NULL, NULL)
