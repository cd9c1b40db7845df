-- grain: one row per division unit version (type 2), keyed by division_code and valid_from
-- Staging view over lake.dim_division as loaded from this build's lake snapshot: the columns the warehouse
-- keeps, each named and cast to the warehouse's type, so a column the lake gains later does not
-- reach the warehouse unseen and a type that drifts in the lake is cast back here.
-- dim_division (every version, for units in force at a year end) is built from it; stg_dim_division_current keeps the current versions.
WITH source AS (
    SELECT * FROM lake.dim_division
),

renamed AS (
    SELECT
        CAST(division_code AS VARCHAR) AS division_code,
        CAST(division_name AS VARCHAR) AS division_name,
        CAST(level AS VARCHAR) AS level,
        CAST(kind AS VARCHAR) AS kind,
        CAST(parent_code AS VARCHAR) AS parent_code,
        CAST(province_code AS VARCHAR) AS province_code,
        CAST(city_code AS VARCHAR) AS city_code,
        CAST(district_code AS VARCHAR) AS district_code,
        CAST(township_code AS VARCHAR) AS township_code,
        CAST(valid_from AS DATE) AS valid_from,
        CAST(valid_to AS DATE) AS valid_to,
        CAST(is_current AS BOOLEAN) AS is_current
    FROM source
)

SELECT * FROM renamed
