-- grain: one row per purchased-service category of the shipped taxonomy (with the home's own terms), keyed by service_category_code
CREATE TABLE dim_service_category (
    service_category_key BIGINT NOT NULL,
    service_category_code VARCHAR NOT NULL,
    name_zh VARCHAR NOT NULL,
    name_en VARCHAR
);
