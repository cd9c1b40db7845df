-- grain: one row per contract and served division
-- Staging view over lake.fct_service_contracts as loaded from this build's lake snapshot: the columns the warehouse
-- keeps, each named and cast to the warehouse's type, so a column the lake gains later does not
-- reach the warehouse unseen and a type that drifts in the lake is cast back here.
-- fct_service_contracts is built from it; int_contract_service_years spreads it over service years.
WITH source AS (
    SELECT * FROM lake.fct_service_contracts
),

renamed AS (
    SELECT
        CAST(project_no AS VARCHAR) AS project_no,
        CAST(project_name AS VARCHAR) AS project_name,
        CAST(purchaser AS VARCHAR) AS purchaser,
        CAST(provider_name AS VARCHAR) AS provider_name,
        CAST(provider_credit_code AS VARCHAR) AS provider_credit_code,
        CAST(service_category AS VARCHAR) AS service_category,
        CAST(service_category_raw AS VARCHAR) AS service_category_raw,
        CAST(served_code AS VARCHAR) AS served_code,
        CAST(served_level AS VARCHAR) AS served_level,
        CAST(allocation_rule AS VARCHAR) AS allocation_rule,
        CAST(share_count AS INTEGER) AS share_count,
        CAST(contract_amount_yuan AS DECIMAL(18, 2)) AS contract_amount_yuan,
        CAST(allocated_amount_yuan AS DECIMAL(18, 2)) AS allocated_amount_yuan,
        CAST(signed_date AS DATE) AS signed_date,
        CAST(service_start AS DATE) AS service_start,
        CAST(service_end AS DATE) AS service_end,
        CAST(sign_year AS INTEGER) AS sign_year,
        CAST(sign_month AS INTEGER) AS sign_month,
        CAST(evaluation_grade AS VARCHAR) AS evaluation_grade,
        CAST(source_file AS VARCHAR) AS source_file,
        CAST(source_line AS INTEGER) AS source_line
    FROM source
)

SELECT * FROM renamed
