-- grain: one row per community report and report-based value it feeds (indicator, breakdown), at its community and year
-- The rows behind the report-based values, with the rules of int_division_report_figures: stock
-- figures from each community's last report of the year (int_community_last_reports), flow
-- figures from every report of the year; a ratio's row adds to its denominator only where it adds
-- to its numerator. The resident population of the last reports is also the base of
-- events per 1,000 residents, purchase per resident and residents per lowest-level grid.
WITH stock_parts AS (
    SELECT
        report_year AS year, community_code, period, source_file, source_line,
        'last report of the year (' || period || ')' AS role,
        unnest([
            {indicator: 'office_ok', breakdown: '', counts: office_area_m2 IS NOT NULL,
             figures: 'office_area_m2 ' || office_area_m2 || CASE WHEN office_area_m2 >= 300 THEN ' ≥ 300' ELSE ' < 300' END,
             numerator: CASE WHEN office_area_m2 >= 300 THEN 1 ELSE 0 END, denominator: 1},
            {indicator: 'staff_avg', breakdown: '', counts: fulltime_staff IS NOT NULL,
             figures: 'fulltime_staff ' || fulltime_staff, numerator: fulltime_staff, denominator: 1},
            {indicator: 'staff_per_10k', breakdown: '', counts: fulltime_staff IS NOT NULL AND resident_population > 0,
             figures: 'fulltime_staff ' || fulltime_staff || ', resident_population ' || resident_population,
             numerator: fulltime_staff, denominator: resident_population},
            {indicator: 'social_workers', breakdown: '', counts: social_workers IS NOT NULL,
             figures: 'social_workers ' || social_workers, numerator: social_workers, denominator: NULL},
            {indicator: 'social_workers', breakdown: 'per_community', counts: social_workers IS NOT NULL,
             figures: 'social_workers ' || social_workers, numerator: social_workers, denominator: 1},
            {indicator: 'volunteer_rate', breakdown: '', counts: volunteers IS NOT NULL AND resident_population > 0,
             figures: 'volunteers ' || volunteers || ', resident_population ' || resident_population,
             numerator: volunteers, denominator: resident_population},
            {indicator: 'social_orgs', breakdown: '', counts: social_orgs IS NOT NULL,
             figures: 'social_orgs ' || social_orgs, numerator: social_orgs, denominator: NULL},
            {indicator: 'social_orgs', breakdown: 'per_community', counts: social_orgs IS NOT NULL,
             figures: 'social_orgs ' || social_orgs, numerator: social_orgs, denominator: 1},
            {indicator: 'space_per_100hh', breakdown: '', counts: office_area_m2 IS NOT NULL AND households > 0,
             figures: 'office_area_m2 ' || office_area_m2 || ', households ' || households,
             numerator: office_area_m2, denominator: households},
            {indicator: 'consult', breakdown: 'platforms', counts: consult_platforms IS NOT NULL,
             figures: 'consult_platforms ' || consult_platforms, numerator: consult_platforms, denominator: NULL},
            {indicator: 'events', breakdown: '', counts: resident_population IS NOT NULL,
             figures: 'resident_population ' || resident_population, numerator: 0, denominator: resident_population},
            {indicator: 'purchase', breakdown: 'per_resident', counts: resident_population IS NOT NULL,
             figures: 'resident_population ' || resident_population, numerator: 0, denominator: resident_population},
            {indicator: 'grid', breakdown: 'residents_per_grid', counts: resident_population IS NOT NULL,
             figures: 'resident_population ' || resident_population, numerator: resident_population, denominator: 0}
        ]) AS part
    FROM int_community_last_reports
),

flow_parts AS (
    SELECT
        report_year AS year, community_code, period, source_file, source_line,
        'report of ' || period AS role,
        unnest([
            {indicator: 'consult', breakdown: '',
             counts: matters_public IS NOT NULL OR matters_livelihood IS NOT NULL OR matters_disputes IS NOT NULL,
             figures: 'matters settled ' || coalesce(matters_public, 0) || ' + ' || coalesce(matters_livelihood, 0)
                 || ' + ' || coalesce(matters_disputes, 0),
             numerator: coalesce(matters_public, 0) + coalesce(matters_livelihood, 0) + coalesce(matters_disputes, 0),
             denominator: NULL},
            {indicator: 'consult', breakdown: 'meetings', counts: consult_meetings IS NOT NULL,
             figures: 'consult_meetings ' || consult_meetings, numerator: consult_meetings, denominator: NULL},
            {indicator: 'consult', breakdown: 'matters_public', counts: matters_public IS NOT NULL,
             figures: 'matters_public ' || matters_public, numerator: matters_public, denominator: NULL},
            {indicator: 'consult', breakdown: 'matters_livelihood', counts: matters_livelihood IS NOT NULL,
             figures: 'matters_livelihood ' || matters_livelihood, numerator: matters_livelihood, denominator: NULL},
            {indicator: 'consult', breakdown: 'matters_disputes', counts: matters_disputes IS NOT NULL,
             figures: 'matters_disputes ' || matters_disputes, numerator: matters_disputes, denominator: NULL},
            {indicator: 'disputes', breakdown: '', counts: matters_disputes IS NOT NULL,
             figures: 'disputes settled by consultation ' || matters_disputes, numerator: matters_disputes, denominator: NULL},
            {indicator: 'disputes', breakdown: 'consultation', counts: matters_disputes IS NOT NULL,
             figures: 'disputes settled by consultation ' || matters_disputes, numerator: matters_disputes, denominator: NULL}
        ]) AS part
    FROM fct_community_reports
    WHERE community_code IS NOT NULL AND report_year IS NOT NULL
),

parts AS (
    SELECT * FROM stock_parts
    UNION ALL
    SELECT * FROM flow_parts
)

SELECT
    CAST(year AS INTEGER) AS year,
    community_code AS code,
    part.indicator AS indicator,
    part.breakdown AS breakdown,
    'fct_community_reports' AS fact_table,
    community_code || ' ' || period AS fact_key,
    source_file AS source,
    CAST(source_line AS VARCHAR) AS source_row,
    role || ': ' || part.figures AS detail,
    CAST(part.numerator AS DECIMAL(38, 10)) AS numerator_part,
    CAST(part.denominator AS DECIMAL(38, 10)) AS denominator_part,
    'sum' AS share_rule,
    CAST(NULL AS VARCHAR) AS counted,
    CAST(NULL AS DECIMAL(38, 10)) AS weight
FROM parts
WHERE part.counts
