-- grain: one row per calendar year that any fact touches
WITH fact_years AS (
    SELECT report_year AS year FROM fct_community_reports
    UNION ALL
    SELECT report_year FROM fct_grid_events
    UNION ALL
    SELECT sign_year FROM fct_service_contracts
    UNION ALL
    SELECT unnest(range(year(service_start), year(service_end) + 1))
    FROM fct_service_contracts
    WHERE service_start <= service_end
)

SELECT DISTINCT CAST(year AS INTEGER) AS year
FROM fact_years
WHERE year IS NOT NULL
ORDER BY year
