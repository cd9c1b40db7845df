-- grain: one row per contract row (contract and served division) and calendar year its service period touches
-- The allocated amount is spread over the service period pro rata by days, both ends inclusive.
-- Rows without a usable service period have no service-year amount (they still count as signed).
WITH contract_periods AS (
    SELECT
        project_no,
        provider_credit_code,
        service_category,
        served_code,
        allocated_amount_yuan,
        service_start,
        service_end,
        date_diff('day', service_start, service_end) + 1 AS period_days,
        source_file,
        source_line
    FROM fct_service_contracts
    WHERE service_start <= service_end
),

service_years AS (
    SELECT *, CAST(unnest(range(year(service_start), year(service_end) + 1)) AS INTEGER) AS year
    FROM contract_periods
),

days_in_year AS (
    SELECT
        *,
        date_diff('day', greatest(service_start, make_date(year, 1, 1)), least(service_end, make_date(year, 12, 31))) + 1
            AS service_days
    FROM service_years
)

SELECT
    year,
    project_no,
    provider_credit_code,
    service_category,
    served_code,
    allocated_amount_yuan,
    service_start,
    service_end,
    period_days,
    service_days,
    -- fixed-point per row, so that sums do not depend on the order rows are added in
    CAST(allocated_amount_yuan * service_days / period_days AS DECIMAL(38, 10)) AS service_amount_yuan,
    -- the ledger row the amount came from, for lineage
    source_file,
    source_line
FROM days_in_year
ORDER BY ALL
