-- grain: one row per grid version (type 2), keyed by grid_code and valid_from
-- Staging view over lake.dim_grid as loaded from this build's lake snapshot: the columns the warehouse
-- keeps, each named and cast to the warehouse's type, so a column the lake gains later does not
-- reach the warehouse unseen and a type that drifts in the lake is cast back here.
-- dim_grid (every version, for grids in force at a year end) is built from it.
WITH source AS (
    SELECT * FROM lake.dim_grid
),

renamed AS (
    SELECT
        CAST(grid_key AS BIGINT) AS grid_key,
        CAST(grid_code AS VARCHAR) AS grid_code,
        CAST(grid_name AS VARCHAR) AS grid_name,
        CAST(grid_level AS INTEGER) AS grid_level,
        CAST(parent_grid_code AS VARCHAR) AS parent_grid_code,
        CAST(community_code AS VARCHAR) AS community_code,
        CAST(retired_at AS TIMESTAMP) AS retired_at,
        CAST(valid_from AS TIMESTAMP) AS valid_from,
        CAST(valid_to AS TIMESTAMP) AS valid_to,
        CAST(is_current AS BOOLEAN) AS is_current,
        CAST(is_inferred AS BOOLEAN) AS is_inferred
    FROM source
)

SELECT * FROM renamed
