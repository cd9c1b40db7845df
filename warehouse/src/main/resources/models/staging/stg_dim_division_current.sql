-- grain: one row per division code: its current version
-- Staging view of the current members of dim_division (is_current), for the models that
-- need a division's name and level as they are now (the scope of the indicators, their names),
-- not as they were at a year end. Should two versions both be marked current, the later wins.
WITH source AS (
    SELECT * FROM dim_division
),

current_versions AS (
    SELECT
        CAST(division_code AS VARCHAR) AS division_code,
        CAST(division_name AS VARCHAR) AS division_name,
        CAST(level AS VARCHAR) AS level,
        CAST(kind AS VARCHAR) AS kind,
        CAST(parent_code AS VARCHAR) AS parent_code,
        CAST(valid_from AS DATE) AS valid_from
    FROM source
    WHERE is_current
    QUALIFY row_number() OVER (PARTITION BY division_code ORDER BY valid_from DESC NULLS LAST, division_name) = 1
)

SELECT * FROM current_versions
