-- grain: one row per community and report year: the community's last report of that year
-- Stock measures (population, staff, volunteers...) are read from this report; a later
-- period_end wins, and the remaining sort keys only make ties deterministic.
SELECT *
FROM fct_community_reports
WHERE community_code IS NOT NULL AND report_year IS NOT NULL
QUALIFY row_number() OVER (
    PARTITION BY community_code, report_year
    ORDER BY period_end DESC NULLS LAST, period DESC NULLS LAST,
             source_file DESC NULLS LAST, source_line DESC NULLS LAST
) = 1
ORDER BY community_code, report_year
