-- grain: one row per community and reporting period
-- Staging view over lake.fct_community_reports as loaded from this build's lake snapshot: the columns the warehouse
-- keeps, each named and cast to the warehouse's type, so a column the lake gains later does not
-- reach the warehouse unseen and a type that drifts in the lake is cast back here.
-- fct_community_reports is built from it; the stock and flow models read that table.
WITH source AS (
    SELECT * FROM lake.fct_community_reports
),

renamed AS (
    SELECT
        CAST(community_code AS VARCHAR) AS community_code,
        CAST(township_code AS VARCHAR) AS township_code,
        CAST(district_code AS VARCHAR) AS district_code,
        CAST(period AS VARCHAR) AS period,
        CAST(period_start AS DATE) AS period_start,
        CAST(period_end AS DATE) AS period_end,
        CAST(report_year AS INTEGER) AS report_year,
        CAST(report_month AS INTEGER) AS report_month,
        CAST(households AS BIGINT) AS households,
        CAST(registered_population AS BIGINT) AS registered_population,
        CAST(resident_population AS BIGINT) AS resident_population,
        CAST(fulltime_staff AS BIGINT) AS fulltime_staff,
        CAST(social_workers AS BIGINT) AS social_workers,
        CAST(office_area_m2 AS DECIMAL(12, 2)) AS office_area_m2,
        CAST(volunteers AS BIGINT) AS volunteers,
        CAST(social_orgs AS BIGINT) AS social_orgs,
        CAST(consult_platforms AS BIGINT) AS consult_platforms,
        CAST(consult_meetings AS BIGINT) AS consult_meetings,
        CAST(matters_public AS BIGINT) AS matters_public,
        CAST(matters_livelihood AS BIGINT) AS matters_livelihood,
        CAST(matters_disputes AS BIGINT) AS matters_disputes,
        CAST(source_file AS VARCHAR) AS source_file,
        CAST(source_line AS INTEGER) AS source_line
    FROM source
)

SELECT * FROM renamed
