-- grain: one row per contract row (contract and served division), year and purchase value it feeds, at the served division
-- The rows behind the purchase indicator, with the rules of int_indicators_purchase: the
-- service-year share of each contract row (int_contract_service_years) in the headline, its
-- category and per resident (whose residents come from int_lineage_reports); the allocated
-- amount in the year of signing. Projects and providers are counted once per division: their
-- rows are placed with share rule 'once' and the thing counted, weighted by the service-year
-- amount (mart_indicator_lineage lets the first row of each count 1 where the amount is positive).
WITH service_years AS (
    SELECT
        year, served_code, project_no, provider_credit_code, source_file, source_line,
        coalesce(project_no, '?') || ' → ' || served_code AS fact_key,
        'allocated ' || allocated_amount_yuan || ' × ' || service_days || '/' || period_days
            || ' days of ' || service_start || '..' || service_end AS role,
        service_amount_yuan,
        unnest([
            {breakdown: '', counts: true, counted: NULL, numerator: service_amount_yuan, denominator: NULL, share_rule: 'sum'},
            {breakdown: 'category:' || coalesce(service_category, 'unknown'), counts: true, counted: NULL,
             numerator: service_amount_yuan, denominator: NULL, share_rule: 'sum'},
            {breakdown: 'per_resident', counts: true, counted: NULL,
             numerator: service_amount_yuan, denominator: 0, share_rule: 'sum'},
            {breakdown: 'projects', counts: project_no IS NOT NULL, counted: 'project ' || project_no,
             numerator: NULL, denominator: NULL, share_rule: 'once'},
            {breakdown: 'providers', counts: provider_credit_code IS NOT NULL, counted: 'provider ' || provider_credit_code,
             numerator: NULL, denominator: NULL, share_rule: 'once'}
        ]) AS part
    FROM int_contract_service_years
    WHERE service_amount_yuan IS NOT NULL
),

service_parts AS (
    SELECT
        year, served_code, part.breakdown, fact_key, source_file, source_line, role AS detail,
        part.numerator, part.denominator, part.share_rule, part.counted,
        CASE WHEN part.share_rule = 'once' THEN service_amount_yuan END AS weight
    FROM service_years
    WHERE part.counts
),

signed_parts AS (
    SELECT
        sign_year AS year, served_code, 'signed' AS breakdown,
        coalesce(project_no, '?') || ' → ' || served_code AS fact_key, source_file, source_line,
        'allocated ' || allocated_amount_yuan || ', signed '
            || coalesce(CAST(signed_date AS VARCHAR), 'in ' || sign_year) AS detail,
        allocated_amount_yuan AS numerator, NULL AS denominator, 'sum' AS share_rule,
        NULL AS counted, NULL AS weight
    FROM fct_service_contracts
    WHERE sign_year IS NOT NULL AND allocated_amount_yuan IS NOT NULL
),

parts AS (
    SELECT * FROM service_parts
    UNION ALL
    SELECT * FROM signed_parts
)

SELECT
    CAST(year AS INTEGER) AS year,
    served_code AS code,
    'purchase' AS indicator,
    breakdown,
    'fct_service_contracts' AS fact_table,
    fact_key,
    source_file AS source,
    CAST(source_line AS VARCHAR) AS source_row,
    detail,
    CAST(numerator AS DECIMAL(38, 10)) AS numerator_part,
    CAST(denominator AS DECIMAL(38, 10)) AS denominator_part,
    share_rule,
    CAST(counted AS VARCHAR) AS counted,
    CAST(weight AS DECIMAL(38, 10)) AS weight
FROM parts
