-- grain: one row per grid event
-- Staging view over lake.fct_grid_events as loaded from this build's lake snapshot: the columns the warehouse
-- keeps, each named and cast to the warehouse's type, so a column the lake gains later does not
-- reach the warehouse unseen and a type that drifts in the lake is cast back here.
-- fct_grid_events is built from it; int_grid_events_counted keeps the events that count.
WITH source AS (
    SELECT * FROM lake.fct_grid_events
),

renamed AS (
    SELECT
        CAST(event_id AS VARCHAR) AS event_id,
        CAST(grid_code AS VARCHAR) AS grid_code,
        CAST(community_code AS VARCHAR) AS community_code,
        CAST(township_code AS VARCHAR) AS township_code,
        CAST(district_code AS VARCHAR) AS district_code,
        CAST(category_code AS VARCHAR) AS category_code,
        CAST(channel AS VARCHAR) AS channel,
        CAST(reported_at AS TIMESTAMP) AS reported_at,
        CAST(registered_at AS TIMESTAMP) AS registered_at,
        CAST(closed_at AS TIMESTAMP) AS closed_at,
        CAST(deadline_at AS TIMESTAMP) AS deadline_at,
        CAST(flow_reported_at AS TIMESTAMP) AS flow_reported_at,
        CAST(dispatched_at AS TIMESTAMP) AS dispatched_at,
        CAST(disposed_at AS TIMESTAMP) AS disposed_at,
        CAST(checked_at AS TIMESTAMP) AS checked_at,
        CAST(voided_at AS TIMESTAMP) AS voided_at,
        CAST(original_deadline_at AS TIMESTAMP) AS original_deadline_at,
        CAST(report_year AS INTEGER) AS report_year,
        CAST(report_month AS INTEGER) AS report_month,
        CAST(is_voided AS BOOLEAN) AS is_voided,
        CAST(flow_count AS BIGINT) AS flow_count,
        CAST(is_registered AS BOOLEAN) AS is_registered,
        CAST(is_closed AS BOOLEAN) AS is_closed,
        CAST(is_on_time AS BOOLEAN) AS is_on_time,
        CAST(hours_to_close AS DOUBLE) AS hours_to_close,
        CAST(rework_count AS INTEGER) AS rework_count,
        CAST(extension_count AS INTEGER) AS extension_count,
        CAST(satisfaction AS VARCHAR) AS satisfaction,
        CAST(reporter_key AS VARCHAR) AS reporter_key,
        CAST(reporter_age_band AS VARCHAR) AS reporter_age_band,
        CAST(reporter_sex AS VARCHAR) AS reporter_sex
    FROM source
)

SELECT * FROM renamed
