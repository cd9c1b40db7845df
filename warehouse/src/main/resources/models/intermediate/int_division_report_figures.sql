-- grain: one row per year and division with at least one community report that year
-- Stock measures come from each community's last report of the year, flow measures from the sum
-- of its year's reports. Every ratio keeps its own base: the communities that report all the
-- figures it needs (a missing figure is unknown, never zero).
WITH community_years AS (
    SELECT
        s.report_year AS year,
        s.community_code,
        s.households,
        s.resident_population,
        s.fulltime_staff,
        s.social_workers,
        s.office_area_m2,
        s.volunteers,
        s.social_orgs,
        s.consult_platforms,
        f.consult_meetings,
        f.matters_public,
        f.matters_livelihood,
        f.matters_disputes
    FROM int_community_last_reports AS s
    JOIN int_community_year_flows AS f
        ON f.community_code = s.community_code AND f.report_year = s.report_year
),

community_prefixes AS (
    SELECT
        *,
        unnest(list_distinct([left(community_code, 4), left(community_code, 6), left(community_code, 9), community_code]))
            AS code_prefix
    FROM community_years
)

SELECT
    dy.year,
    dy.division_code,
    count(*) AS communities,
    sum(c.resident_population) AS residents,
    count(c.resident_population) AS residents_reporting,
    sum(c.fulltime_staff) AS staff,
    count(c.fulltime_staff) AS staff_reporting,
    sum(c.fulltime_staff) FILTER (WHERE c.resident_population > 0) AS staff_with_residents,
    sum(c.resident_population) FILTER (WHERE c.fulltime_staff IS NOT NULL AND c.resident_population > 0)
        AS residents_with_staff,
    sum(c.social_workers) AS social_workers,
    count(c.social_workers) AS social_workers_reporting,
    count(*) FILTER (WHERE c.office_area_m2 >= 300) AS offices_ok,
    count(c.office_area_m2) AS offices_reporting,
    sum(c.office_area_m2) FILTER (WHERE c.households > 0) AS space_with_households,
    sum(c.households) FILTER (WHERE c.office_area_m2 IS NOT NULL AND c.households > 0) AS households_with_space,
    sum(c.volunteers) FILTER (WHERE c.resident_population > 0) AS volunteers_with_residents,
    sum(c.resident_population) FILTER (WHERE c.volunteers IS NOT NULL AND c.resident_population > 0)
        AS residents_with_volunteers,
    sum(c.social_orgs) AS social_orgs,
    count(c.social_orgs) AS social_orgs_reporting,
    sum(c.consult_platforms) AS consult_platforms,
    count(c.consult_platforms) AS consult_platforms_reporting,
    sum(c.consult_meetings) AS consult_meetings,
    count(c.consult_meetings) AS consult_meetings_reporting,
    sum(c.matters_public) AS matters_public,
    count(c.matters_public) AS matters_public_reporting,
    sum(c.matters_livelihood) AS matters_livelihood,
    count(c.matters_livelihood) AS matters_livelihood_reporting,
    sum(c.matters_disputes) AS matters_disputes,
    count(c.matters_disputes) AS matters_disputes_reporting
FROM int_division_years AS dy
JOIN community_prefixes AS c ON c.year = dy.year AND c.code_prefix = dy.code_prefix
GROUP BY dy.year, dy.division_code
ORDER BY dy.year, dy.division_code
