-- grain: one row per year, division, indicator and breakdown of the community-report indicators
-- Counts appear where at least one community in the division reports the figure; ratios where
-- their denominator is positive. Stock from the last report of the year, flow from all of them.
WITH f AS (
    SELECT * FROM int_division_report_figures
),

indicator_rows AS (
    SELECT year, division_code, 'office_ok' AS indicator, '' AS breakdown,
           CAST(offices_ok AS DOUBLE) AS numerator, CAST(offices_reporting AS DOUBLE) AS denominator,
           offices_ok / offices_reporting AS value, 'ratio' AS unit
    FROM f WHERE offices_reporting > 0
    UNION ALL
    SELECT year, division_code, 'staff_avg', '', staff, staff_reporting, staff / staff_reporting, '人/社区'
    FROM f WHERE staff_reporting > 0
    UNION ALL
    SELECT year, division_code, 'staff_per_10k', '', staff_with_residents, residents_with_staff,
           staff_with_residents * 10000.0 / residents_with_staff, '人/万人'
    FROM f WHERE residents_with_staff > 0
    UNION ALL
    SELECT year, division_code, 'social_workers', '', social_workers, NULL, social_workers, '人'
    FROM f WHERE social_workers_reporting > 0
    UNION ALL
    SELECT year, division_code, 'social_workers', 'per_community', social_workers, social_workers_reporting,
           social_workers / social_workers_reporting, '人/社区'
    FROM f WHERE social_workers_reporting > 0
    UNION ALL
    SELECT year, division_code, 'volunteer_rate', '', volunteers_with_residents, residents_with_volunteers,
           volunteers_with_residents / residents_with_volunteers, 'ratio'
    FROM f WHERE residents_with_volunteers > 0
    UNION ALL
    SELECT year, division_code, 'social_orgs', '', social_orgs, NULL, social_orgs, '个'
    FROM f WHERE social_orgs_reporting > 0
    UNION ALL
    SELECT year, division_code, 'social_orgs', 'per_community', social_orgs, social_orgs_reporting,
           social_orgs / social_orgs_reporting, '个/社区'
    FROM f WHERE social_orgs_reporting > 0
    UNION ALL
    SELECT year, division_code, 'space_per_100hh', '', space_with_households, households_with_space,
           CAST(space_with_households AS DOUBLE) * 100 / households_with_space, '平方米/百户'
    FROM f WHERE households_with_space > 0
    UNION ALL
    -- consult: the headline is all matters settled; platforms are a stock, the rest flows
    SELECT year, division_code, 'consult', '',
           coalesce(matters_public, 0) + coalesce(matters_livelihood, 0) + coalesce(matters_disputes, 0), NULL,
           coalesce(matters_public, 0) + coalesce(matters_livelihood, 0) + coalesce(matters_disputes, 0), '件'
    FROM f WHERE matters_public_reporting + matters_livelihood_reporting + matters_disputes_reporting > 0
    UNION ALL
    SELECT year, division_code, 'consult', 'platforms', consult_platforms, NULL, consult_platforms, '个'
    FROM f WHERE consult_platforms_reporting > 0
    UNION ALL
    SELECT year, division_code, 'consult', 'meetings', consult_meetings, NULL, consult_meetings, '次'
    FROM f WHERE consult_meetings_reporting > 0
    UNION ALL
    SELECT year, division_code, 'consult', 'matters_public', matters_public, NULL, matters_public, '件'
    FROM f WHERE matters_public_reporting > 0
    UNION ALL
    SELECT year, division_code, 'consult', 'matters_livelihood', matters_livelihood, NULL, matters_livelihood, '件'
    FROM f WHERE matters_livelihood_reporting > 0
    UNION ALL
    SELECT year, division_code, 'consult', 'matters_disputes', matters_disputes, NULL, matters_disputes, '件'
    FROM f WHERE matters_disputes_reporting > 0
)

SELECT
    CAST(year AS INTEGER) AS year,
    division_code,
    indicator,
    breakdown,
    CAST(numerator AS DOUBLE) AS numerator,
    CAST(denominator AS DOUBLE) AS denominator,
    CAST(value AS DOUBLE) AS value,
    unit
FROM indicator_rows
ORDER BY year, division_code, indicator, breakdown
