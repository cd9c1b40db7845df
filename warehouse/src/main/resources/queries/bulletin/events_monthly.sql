-- one row per month of the year: the division's events, as mart_grid_events_monthly publishes them
SELECT month, events
FROM mart_grid_events_monthly
WHERE year = ? AND division_code = ?
ORDER BY month
