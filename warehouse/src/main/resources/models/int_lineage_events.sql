-- grain: one row per grid event that counts and event value it feeds (indicator, breakdown), at its division and year
-- The rows behind the grid-event values, with the rules of int_indicators_events on the events of
-- int_grid_events_counted: closed-loop rates over registered events, satisfaction over rated
-- ones, disposal hours over registered and closed ones. The median's rows are placed with share
-- rule 'median' (mart_indicator_lineage gives the middle row or rows of each division their
-- share); the residents behind events per 1,000 residents come from int_lineage_reports.
WITH event_parts AS (
    SELECT
        year, event_id, event_code,
        'reported ' || coalesce(CAST(reported_at AS VARCHAR), '?') AS role,
        unnest([
            {indicator: 'events', breakdown: '', counts: true, figures: 'one event',
             numerator: 1, denominator: 0, share_rule: 'sum'},
            {indicator: 'events', breakdown: 'count', counts: true, figures: 'one event',
             numerator: 1, denominator: NULL, share_rule: 'sum'},
            {indicator: 'events', breakdown: 'category:' || coalesce(category_code, 'unknown'), counts: true,
             figures: 'category ' || coalesce(category_code, 'unknown'), numerator: 1, denominator: NULL, share_rule: 'sum'},
            {indicator: 'events', breakdown: 'channel:' || coalesce(channel, 'unknown'), counts: true,
             figures: 'channel ' || coalesce(channel, 'unknown'), numerator: 1, denominator: NULL, share_rule: 'sum'},
            {indicator: 'close_rate', breakdown: '', counts: is_registered,
             figures: CASE WHEN is_closed THEN 'registered, closed' ELSE 'registered, not closed' END,
             numerator: CASE WHEN is_closed THEN 1 ELSE 0 END, denominator: 1, share_rule: 'sum'},
            {indicator: 'ontime_rate', breakdown: '', counts: is_registered,
             figures: CASE WHEN is_closed AND is_on_time THEN 'registered, closed by the deadline'
                 WHEN is_closed THEN 'registered, closed late' ELSE 'registered, not closed' END,
             numerator: CASE WHEN is_closed AND is_on_time THEN 1 ELSE 0 END, denominator: 1, share_rule: 'sum'},
            {indicator: 'rework_rate', breakdown: '', counts: is_registered,
             figures: CASE WHEN is_reworked THEN 'registered, sent back for rework' ELSE 'registered, no rework' END,
             numerator: CASE WHEN is_reworked THEN 1 ELSE 0 END, denominator: 1, share_rule: 'sum'},
            {indicator: 'satisfaction', breakdown: '', counts: satisfaction IS NOT NULL,
             figures: 'rated ' || satisfaction,
             numerator: CASE WHEN satisfaction IN ('满意', '基本满意') THEN 1 ELSE 0 END, denominator: 1, share_rule: 'sum'},
            {indicator: 'dispose_hours', breakdown: '', counts: is_registered AND is_closed AND hours_to_close IS NOT NULL,
             figures: 'registered, closed after ' || hours_to_close || ' hours',
             numerator: hours_to_close, denominator: 1, share_rule: 'sum'},
            {indicator: 'dispose_hours', breakdown: 'median', counts: is_registered AND is_closed AND hours_to_close IS NOT NULL,
             figures: 'registered, closed after ' || hours_to_close || ' hours',
             numerator: NULL, denominator: NULL, share_rule: 'median'},
            {indicator: 'disputes', breakdown: '', counts: is_closed AND category_code = '01',
             figures: 'dispute (category 01) closed', numerator: 1, denominator: NULL, share_rule: 'sum'},
            {indicator: 'disputes', breakdown: 'events', counts: is_closed AND category_code = '01',
             figures: 'dispute (category 01) closed', numerator: 1, denominator: NULL, share_rule: 'sum'}
        ]) AS part,
        hours_to_close
    FROM int_grid_events_counted
)

SELECT
    CAST(year AS INTEGER) AS year,
    event_code AS code,
    part.indicator AS indicator,
    part.breakdown AS breakdown,
    'fct_grid_events' AS fact_table,
    event_id AS fact_key,
    'grid_system.event' AS source,
    'event_id ' || event_id AS source_row,
    role || ': ' || part.figures AS detail,
    -- fixed-point per row, as int_indicators_events sums the hours
    CAST(part.numerator AS DECIMAL(38, 10)) AS numerator_part,
    CAST(part.denominator AS DECIMAL(38, 10)) AS denominator_part,
    part.share_rule AS share_rule,
    CAST(NULL AS VARCHAR) AS counted,
    CAST(CASE WHEN part.share_rule = 'median' THEN hours_to_close END AS DECIMAL(38, 10)) AS weight
FROM event_parts
WHERE part.counts
ORDER BY year, code, indicator, breakdown, fact_key
