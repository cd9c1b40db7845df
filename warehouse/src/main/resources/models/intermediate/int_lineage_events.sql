-- grain: one row per grid event that counts and event value it feeds (indicator, breakdown), at its division and year
-- The rows behind the grid-event values, with the rules of int_indicators_events on the events of
-- int_grid_events_counted: closed-loop rates over registered events, satisfaction over rated
-- ones, disposal hours over registered and closed ones. The median's rows are placed with share
-- rule 'median' (mart_indicator_lineage gives the middle row or rows of each division their
-- share); the residents behind events per 1,000 residents come from int_lineage_reports.
-- A view at the event's grain: one branch per value, so a query for one indicator reads only its
-- branch, and a filter on year or code reaches the scan of the events before any text is built.
WITH events AS NOT MATERIALIZED (
    SELECT
        CAST(year AS INTEGER) AS year,
        event_code AS code,
        'fct_grid_events' AS fact_table,
        event_id AS fact_key,
        'grid_system.event' AS source,
        'event_id ' || event_id AS source_row,
        'reported ' || coalesce(CAST(reported_at AS VARCHAR), '?') || ': ' AS role,
        category_code, channel, is_registered, is_closed, is_on_time, is_reworked, satisfaction, hours_to_close
    FROM int_grid_events_counted
),

parts AS (
    SELECT *, 'events' AS indicator, '' AS breakdown, 'one event' AS figures,
           1 AS numerator, 0 AS denominator, 'sum' AS share_rule, NULL AS weight
    FROM events
    UNION ALL
    SELECT *, 'events', 'count', 'one event', 1, NULL, 'sum', NULL
    FROM events
    UNION ALL
    SELECT *, 'events', 'category:' || coalesce(category_code, 'unknown'), 'category ' || coalesce(category_code, 'unknown'),
           1, NULL, 'sum', NULL
    FROM events
    UNION ALL
    SELECT *, 'events', 'channel:' || coalesce(channel, 'unknown'), 'channel ' || coalesce(channel, 'unknown'),
           1, NULL, 'sum', NULL
    FROM events
    UNION ALL
    SELECT *, 'close_rate', '', CASE WHEN is_closed THEN 'registered, closed' ELSE 'registered, not closed' END,
           CASE WHEN is_closed THEN 1 ELSE 0 END, 1, 'sum', NULL
    FROM events WHERE is_registered
    UNION ALL
    SELECT *, 'ontime_rate', '',
           CASE WHEN is_closed AND is_on_time THEN 'registered, closed by the deadline'
               WHEN is_closed THEN 'registered, closed late' ELSE 'registered, not closed' END,
           CASE WHEN is_closed AND is_on_time THEN 1 ELSE 0 END, 1, 'sum', NULL
    FROM events WHERE is_registered
    UNION ALL
    SELECT *, 'rework_rate', '',
           CASE WHEN is_reworked THEN 'registered, sent back for rework' ELSE 'registered, no rework' END,
           CASE WHEN is_reworked THEN 1 ELSE 0 END, 1, 'sum', NULL
    FROM events WHERE is_registered
    UNION ALL
    SELECT *, 'satisfaction', '', 'rated ' || satisfaction,
           CASE WHEN satisfaction IN ('满意', '基本满意') THEN 1 ELSE 0 END, 1, 'sum', NULL
    FROM events WHERE satisfaction IS NOT NULL
    UNION ALL
    SELECT *, 'dispose_hours', '', 'registered, closed after ' || hours_to_close || ' hours',
           hours_to_close, 1, 'sum', NULL
    FROM events WHERE is_registered AND is_closed AND hours_to_close IS NOT NULL
    UNION ALL
    SELECT *, 'dispose_hours', 'median', 'registered, closed after ' || hours_to_close || ' hours',
           NULL, NULL, 'median', hours_to_close
    FROM events WHERE is_registered AND is_closed AND hours_to_close IS NOT NULL
    UNION ALL
    SELECT *, 'disputes', '', 'dispute (category 01) closed', 1, NULL, 'sum', NULL
    FROM events WHERE is_closed AND category_code = '01'
    UNION ALL
    SELECT *, 'disputes', 'events', 'dispute (category 01) closed', 1, NULL, 'sum', NULL
    FROM events WHERE is_closed AND category_code = '01'
)

SELECT
    year,
    code,
    indicator,
    breakdown,
    fact_table,
    fact_key,
    source,
    source_row,
    role || figures AS detail,
    -- fixed-point per row, as int_indicators_events sums the hours
    CAST(numerator AS DECIMAL(38, 10)) AS numerator_part,
    CAST(denominator AS DECIMAL(38, 10)) AS denominator_part,
    share_rule,
    CAST(NULL AS VARCHAR) AS counted,
    CAST(weight AS DECIMAL(38, 10)) AS weight
FROM parts
