-- grain: one row per grid event that counts in the indicators (not voided, year and division known)
-- An event belongs to the year it was reported; voided events count nowhere. event_code is the
-- most precise division the event names (its community, else its street, else its district): an
-- event counts there and above. One set of rules for int_indicators_events (the values) and
-- int_lineage_events (the rows behind them).
SELECT
    report_year AS year,
    event_id,
    category_code,
    channel,
    reported_at,
    coalesce(is_registered, false) AS is_registered,
    coalesce(is_closed, false) AS is_closed,
    coalesce(is_on_time, false) AS is_on_time,
    coalesce(rework_count, 0) > 0 AS is_reworked,
    satisfaction,
    hours_to_close,
    coalesce(community_code, township_code, district_code) AS event_code
FROM fct_grid_events
WHERE NOT coalesce(is_voided, false)
    AND report_year IS NOT NULL
    AND coalesce(community_code, township_code, district_code) IS NOT NULL
ORDER BY year, event_id
