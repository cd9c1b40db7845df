-- grain: one row per contract and served division
CREATE TABLE fct_service_contracts (
    project_no VARCHAR,
    project_name VARCHAR,
    purchaser VARCHAR,
    provider_name VARCHAR,
    provider_credit_code VARCHAR,
    service_category VARCHAR,
    service_category_raw VARCHAR,
    served_code VARCHAR,
    served_level VARCHAR,
    allocation_rule VARCHAR,
    share_count INTEGER,
    contract_amount_yuan DECIMAL(18, 2),
    allocated_amount_yuan DECIMAL(18, 2),
    signed_date DATE,
    service_start DATE,
    service_end DATE,
    sign_year INTEGER,
    sign_month INTEGER,
    evaluation_grade VARCHAR,
    source_file VARCHAR,
    source_line INTEGER
);
