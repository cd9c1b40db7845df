-- one row per street office within the division (prefix), as mart_report_completeness publishes it
SELECT c.division_code, coalesce(d.division_name, c.division_code) AS division_name, c.horizon_months,
       c.communities_expected, c.communities_reporting, c.reports_expected, c.reports_received,
       c.missing_months, c.is_incomplete
FROM mart_report_completeness AS c
LEFT JOIN int_division_scope AS d ON d.division_code = c.division_code
WHERE c.year = ? AND starts_with(c.division_code, ?)
ORDER BY c.division_code
