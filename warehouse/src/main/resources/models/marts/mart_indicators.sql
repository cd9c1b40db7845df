-- grain: one row per year, division, indicator and breakdown
-- The indicator catalogue of dim_indicator (docs/indicators.md), one int_indicators_<subject> model per source of facts.
-- Counts and amounts from facts that are complete (units, grids, events, contracts) are dense
-- (0 where nothing happened); report figures appear where some community reports them; ratios
-- are left out where their denominator is 0.
WITH indicator_rows AS (
    SELECT * FROM int_indicators_units
    UNION ALL
    SELECT * FROM int_indicators_reports
    UNION ALL
    SELECT * FROM int_indicators_purchase
    UNION ALL
    SELECT * FROM int_indicators_grid
    UNION ALL
    SELECT * FROM int_indicators_events
)

SELECT
    r.year,
    d.division_code,
    d.division_level,
    d.division_name,
    r.indicator,
    r.breakdown,
    r.numerator,
    r.denominator,
    r.value,
    r.unit
FROM indicator_rows AS r
JOIN int_division_scope AS d ON d.division_code = r.division_code
ORDER BY r.year, d.division_code, r.indicator, r.breakdown
