-- grain: one row per year, division and breakdown of the purchase indicator
-- Service-year amounts (pro rata by days); whole-district and whole-street contracts count at
-- their level and above, never in the units below. signed: allocated amounts by year of signing.
WITH contract_service_prefixes AS (
    SELECT
        year, project_no, provider_credit_code, coalesce(service_category, 'unknown') AS service_category,
        service_amount_yuan,
        unnest(list_distinct([left(served_code, 4), left(served_code, 6), left(served_code, 9), served_code]))
            AS code_prefix
    FROM int_contract_service_years
    WHERE service_amount_yuan IS NOT NULL
),

contract_service_in_division AS (
    SELECT dy.year, dy.division_code, c.project_no, c.provider_credit_code, c.service_category, c.service_amount_yuan
    FROM int_division_years AS dy
    JOIN contract_service_prefixes AS c ON c.year = dy.year AND c.code_prefix = dy.code_prefix
),

purchase_by_division AS (
    SELECT dy.year, dy.division_code, coalesce(sum(c.service_amount_yuan), 0) AS amount
    FROM int_division_years AS dy
    LEFT JOIN contract_service_in_division AS c ON c.year = dy.year AND c.division_code = dy.division_code
    GROUP BY dy.year, dy.division_code
),

purchase_by_category AS (
    SELECT year, division_code, service_category, sum(service_amount_yuan) AS amount
    FROM contract_service_in_division
    GROUP BY year, division_code, service_category
),

project_amounts AS (
    SELECT year, division_code, project_no, sum(service_amount_yuan) AS amount
    FROM contract_service_in_division
    WHERE project_no IS NOT NULL
    GROUP BY year, division_code, project_no
),

provider_amounts AS (
    SELECT year, division_code, provider_credit_code, sum(service_amount_yuan) AS amount
    FROM contract_service_in_division
    WHERE provider_credit_code IS NOT NULL
    GROUP BY year, division_code, provider_credit_code
),

projects_by_division AS (
    SELECT dy.year, dy.division_code, count(p.project_no) AS projects
    FROM int_division_years AS dy
    LEFT JOIN project_amounts AS p ON p.year = dy.year AND p.division_code = dy.division_code AND p.amount > 0
    GROUP BY dy.year, dy.division_code
),

providers_by_division AS (
    SELECT dy.year, dy.division_code, count(p.provider_credit_code) AS providers
    FROM int_division_years AS dy
    LEFT JOIN provider_amounts AS p ON p.year = dy.year AND p.division_code = dy.division_code AND p.amount > 0
    GROUP BY dy.year, dy.division_code
),

contract_signing_prefixes AS (
    SELECT
        sign_year AS year, allocated_amount_yuan,
        unnest(list_distinct([left(served_code, 4), left(served_code, 6), left(served_code, 9), served_code]))
            AS code_prefix
    FROM fct_service_contracts
),

signed_by_division AS (
    SELECT dy.year, dy.division_code, coalesce(sum(s.allocated_amount_yuan), 0) AS amount
    FROM int_division_years AS dy
    LEFT JOIN contract_signing_prefixes AS s ON s.year = dy.year AND s.code_prefix = dy.code_prefix
    GROUP BY dy.year, dy.division_code
),

indicator_rows AS (
    -- DOUBLE from the first branch on: a union of DECIMAL(38, 10) and BIGINT would not keep the decimals
    SELECT year, division_code, '' AS breakdown,
           CAST(amount AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator,
           round(CAST(amount AS DOUBLE), 2) AS value, '元' AS unit
    FROM purchase_by_division
    UNION ALL
    SELECT year, division_code, 'signed', CAST(amount AS DOUBLE), NULL, round(CAST(amount AS DOUBLE), 2), '元'
    FROM signed_by_division
    UNION ALL
    SELECT p.year, p.division_code, 'per_resident', CAST(p.amount AS DOUBLE), r.residents, CAST(p.amount AS DOUBLE) / r.residents, '元/人'
    FROM purchase_by_division AS p
    JOIN int_division_report_figures AS r ON r.year = p.year AND r.division_code = p.division_code
    WHERE r.residents > 0
    UNION ALL
    SELECT year, division_code, 'category:' || service_category, CAST(amount AS DOUBLE), NULL, round(CAST(amount AS DOUBLE), 2), '元'
    FROM purchase_by_category
    UNION ALL
    SELECT year, division_code, 'projects', projects, NULL, projects, '个'
    FROM projects_by_division
    UNION ALL
    SELECT year, division_code, 'providers', providers, NULL, providers, '个'
    FROM providers_by_division
)

SELECT
    CAST(year AS INTEGER) AS year,
    division_code,
    'purchase' AS indicator,
    breakdown,
    CAST(numerator AS DOUBLE) AS numerator,
    CAST(denominator AS DOUBLE) AS denominator,
    CAST(value AS DOUBLE) AS value,
    unit
FROM indicator_rows
ORDER BY year, division_code, indicator, breakdown
