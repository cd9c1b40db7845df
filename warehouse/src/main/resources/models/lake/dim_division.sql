-- grain: one row per division unit version (type 2), keyed by division_code and valid_from
CREATE TABLE dim_division (
    division_code VARCHAR NOT NULL,
    division_name VARCHAR,
    level VARCHAR,
    kind VARCHAR,
    parent_code VARCHAR,
    province_code VARCHAR,
    city_code VARCHAR,
    district_code VARCHAR,
    township_code VARCHAR,
    valid_from DATE,
    valid_to DATE,
    is_current BOOLEAN
);
