-- grain: one row per year and division, one column per headline indicator
-- The headline value (breakdown '') of each indicator of mart_indicators, pivoted for BI tools;
-- dispose_hours_median is the median beside the mean. Null where mart_indicators has no value.
SELECT
    year,
    division_code,
    division_level,
    division_name,
    max(value) FILTER (WHERE indicator = 'units' AND breakdown = '') AS units,
    max(value) FILTER (WHERE indicator = 'office_ok' AND breakdown = '') AS office_ok,
    max(value) FILTER (WHERE indicator = 'staff_avg' AND breakdown = '') AS staff_avg,
    max(value) FILTER (WHERE indicator = 'staff_per_10k' AND breakdown = '') AS staff_per_10k,
    max(value) FILTER (WHERE indicator = 'social_workers' AND breakdown = '') AS social_workers,
    max(value) FILTER (WHERE indicator = 'volunteer_rate' AND breakdown = '') AS volunteer_rate,
    max(value) FILTER (WHERE indicator = 'social_orgs' AND breakdown = '') AS social_orgs,
    max(value) FILTER (WHERE indicator = 'space_per_100hh' AND breakdown = '') AS space_per_100hh,
    max(value) FILTER (WHERE indicator = 'consult' AND breakdown = '') AS consult,
    max(value) FILTER (WHERE indicator = 'purchase' AND breakdown = '') AS purchase,
    max(value) FILTER (WHERE indicator = 'grid' AND breakdown = '') AS grid,
    max(value) FILTER (WHERE indicator = 'events' AND breakdown = '') AS events,
    max(value) FILTER (WHERE indicator = 'close_rate' AND breakdown = '') AS close_rate,
    max(value) FILTER (WHERE indicator = 'ontime_rate' AND breakdown = '') AS ontime_rate,
    max(value) FILTER (WHERE indicator = 'rework_rate' AND breakdown = '') AS rework_rate,
    max(value) FILTER (WHERE indicator = 'satisfaction' AND breakdown = '') AS satisfaction,
    max(value) FILTER (WHERE indicator = 'dispose_hours' AND breakdown = '') AS dispose_hours,
    max(value) FILTER (WHERE indicator = 'dispose_hours' AND breakdown = 'median') AS dispose_hours_median,
    max(value) FILTER (WHERE indicator = 'disputes' AND breakdown = '') AS disputes
FROM mart_indicators
GROUP BY year, division_code, division_level, division_name
ORDER BY year, division_code
