-- grain: one row per event category of the shipped taxonomy (with the home's own terms), keyed by category_code
CREATE TABLE dim_event_category (
    category_key BIGINT NOT NULL,
    category_code VARCHAR NOT NULL,
    name_zh VARCHAR NOT NULL,
    name_en VARCHAR
);
