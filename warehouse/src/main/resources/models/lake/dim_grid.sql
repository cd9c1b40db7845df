-- grain: one row per grid version (type 2), keyed by grid_code and valid_from
CREATE TABLE dim_grid (
    grid_key BIGINT,
    grid_code VARCHAR NOT NULL,
    grid_name VARCHAR,
    grid_level INTEGER,
    parent_grid_code VARCHAR,
    community_code VARCHAR,
    retired_at TIMESTAMP,
    valid_from TIMESTAMP,
    valid_to TIMESTAMP,
    is_current BOOLEAN,
    is_inferred BOOLEAN
);
