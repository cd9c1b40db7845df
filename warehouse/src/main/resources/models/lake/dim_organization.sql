-- grain: one row per organisation version (type 2), keyed by credit_code and valid_from
CREATE TABLE dim_organization (
    organization_key BIGINT NOT NULL,
    credit_code VARCHAR NOT NULL,
    organization_name VARCHAR,
    organization_type VARCHAR,
    organization_type_zh VARCHAR,
    registering_authority VARCHAR,
    valid_from DATE,
    valid_to DATE,
    is_current BOOLEAN,
    is_inferred BOOLEAN
);
