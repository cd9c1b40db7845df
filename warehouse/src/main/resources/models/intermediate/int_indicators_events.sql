-- grain: one row per year, division, indicator and breakdown of the grid-event indicators
-- The events that count (int_grid_events_counted: in the year reported, not voided) count at the
-- most precise division they name and above. Rates of the closed loop are over registered events
-- (应结案数); on time means closed by the deadline after extensions.
WITH event_prefixes AS (
    SELECT
        * EXCLUDE (event_code, reported_at),
        unnest(list_distinct([left(event_code, 4), left(event_code, 6), left(event_code, 9), event_code])) AS code_prefix
    FROM int_grid_events_counted
),

events_in_division AS (
    SELECT dy.division_code, e.* EXCLUDE (code_prefix)
    FROM int_division_years AS dy
    JOIN event_prefixes AS e ON e.year = dy.year AND e.code_prefix = dy.code_prefix
),

event_totals AS (
    SELECT
        dy.year,
        dy.division_code,
        count(e.event_id) AS reported,
        count(e.event_id) FILTER (WHERE e.is_registered) AS registered,
        count(e.event_id) FILTER (WHERE e.is_registered AND e.is_closed) AS closed,
        count(e.event_id) FILTER (WHERE e.is_registered AND e.is_closed AND e.is_on_time) AS closed_on_time,
        count(e.event_id) FILTER (WHERE e.is_registered AND e.is_reworked) AS reworked,
        count(e.satisfaction) AS rated,
        count(e.satisfaction) FILTER (WHERE e.satisfaction IN ('满意', '基本满意')) AS satisfied,
        count(e.hours_to_close) FILTER (WHERE e.is_registered AND e.is_closed) AS timed,
        -- fixed-point per row, so the sum does not depend on the order threads add in (reruns identical)
        CAST(sum(CAST(e.hours_to_close AS DECIMAL(38, 12))) FILTER (WHERE e.is_registered AND e.is_closed) AS DOUBLE)
            AS timed_hours,
        median(e.hours_to_close) FILTER (WHERE e.is_registered AND e.is_closed) AS median_hours,
        count(e.event_id) FILTER (WHERE e.is_closed AND e.category_code = '01') AS disputes_closed
    FROM int_division_years AS dy
    LEFT JOIN events_in_division AS e ON e.year = dy.year AND e.division_code = dy.division_code
    GROUP BY dy.year, dy.division_code
),

events_by_category AS (
    SELECT year, division_code, 'category:' || coalesce(category_code, 'unknown') AS breakdown, count(*) AS events
    FROM events_in_division
    GROUP BY ALL
),

events_by_channel AS (
    SELECT year, division_code, 'channel:' || coalesce(channel, 'unknown') AS breakdown, count(*) AS events
    FROM events_in_division
    GROUP BY ALL
),

with_figures AS (
    SELECT t.*, r.residents, coalesce(r.matters_disputes, 0) AS disputes_consulted
    FROM event_totals AS t
    LEFT JOIN int_division_report_figures AS r ON r.year = t.year AND r.division_code = t.division_code
),

indicator_rows AS (
    SELECT year, division_code, 'events' AS indicator, '' AS breakdown,
           CAST(reported AS DOUBLE) AS numerator, CAST(residents AS DOUBLE) AS denominator,
           reported * 1000.0 / residents AS value, '件/千人' AS unit
    FROM with_figures WHERE residents > 0
    UNION ALL
    SELECT year, division_code, 'events', 'count', reported, NULL, reported, '件'
    FROM with_figures
    UNION ALL
    SELECT year, division_code, 'events', breakdown, events, NULL, events, '件'
    FROM events_by_category
    UNION ALL
    SELECT year, division_code, 'events', breakdown, events, NULL, events, '件'
    FROM events_by_channel
    UNION ALL
    SELECT year, division_code, 'close_rate', '', closed, registered, closed / registered, 'ratio'
    FROM with_figures WHERE registered > 0
    UNION ALL
    SELECT year, division_code, 'ontime_rate', '', closed_on_time, registered, closed_on_time / registered, 'ratio'
    FROM with_figures WHERE registered > 0
    UNION ALL
    SELECT year, division_code, 'rework_rate', '', reworked, registered, reworked / registered, 'ratio'
    FROM with_figures WHERE registered > 0
    UNION ALL
    SELECT year, division_code, 'satisfaction', '', satisfied, rated, satisfied / rated, 'ratio'
    FROM with_figures WHERE rated > 0
    UNION ALL
    SELECT year, division_code, 'dispose_hours', '', timed_hours, timed, timed_hours / timed, '小时'
    FROM with_figures WHERE timed > 0
    UNION ALL
    SELECT year, division_code, 'dispose_hours', 'median', median_hours, NULL, median_hours, '小时'
    FROM with_figures WHERE timed > 0
    UNION ALL
    SELECT year, division_code, 'disputes', '', disputes_closed + disputes_consulted, NULL,
           disputes_closed + disputes_consulted, '件'
    FROM with_figures
    UNION ALL
    SELECT year, division_code, 'disputes', 'events', disputes_closed, NULL, disputes_closed, '件'
    FROM with_figures
    UNION ALL
    SELECT year, division_code, 'disputes', 'consultation', disputes_consulted, NULL, disputes_consulted, '件'
    FROM with_figures
)

SELECT
    CAST(year AS INTEGER) AS year,
    division_code,
    indicator,
    breakdown,
    CAST(numerator AS DOUBLE) AS numerator,
    CAST(denominator AS DOUBLE) AS denominator,
    CAST(value AS DOUBLE) AS value,
    unit
FROM indicator_rows
ORDER BY year, division_code, indicator, breakdown
