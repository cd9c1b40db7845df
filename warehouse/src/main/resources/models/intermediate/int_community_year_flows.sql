-- grain: one row per community and report year: the sums of that year's reports (flow measures)
-- A sum is null when no report of the year states the figure (unknown, not zero). Corrected
-- resubmissions were replaced upstream, so each period is counted once.
SELECT
    community_code,
    report_year,
    count(*) AS reports,
    sum(consult_meetings) AS consult_meetings,
    sum(matters_public) AS matters_public,
    sum(matters_livelihood) AS matters_livelihood,
    sum(matters_disputes) AS matters_disputes
FROM fct_community_reports
WHERE community_code IS NOT NULL AND report_year IS NOT NULL
GROUP BY community_code, report_year
ORDER BY community_code, report_year
