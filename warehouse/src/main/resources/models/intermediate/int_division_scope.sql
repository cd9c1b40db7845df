-- grain: one row per current city, district, street or community in the cities and districts the facts touch
WITH fact_codes AS (
    SELECT coalesce(community_code, township_code, district_code) AS code FROM fct_community_reports
    UNION
    SELECT coalesce(community_code, township_code, district_code) FROM fct_grid_events
    UNION
    SELECT served_code FROM fct_service_contracts
),

districts_present AS (
    SELECT DISTINCT left(code, 6) AS district_prefix
    FROM fact_codes
    WHERE code IS NOT NULL
),

current_divisions AS (
    SELECT division_code, division_name, level
    FROM stg_dim_division_current
    WHERE level IN ('city', 'district', 'township', 'village')
),

levelled AS (
    SELECT
        division_code,
        CASE level WHEN 'township' THEN 'street' WHEN 'village' THEN 'community' ELSE level END AS division_level,
        division_name,
        -- the significant digits: a code C is contained in this division when C starts with them
        left(division_code, CASE level WHEN 'city' THEN 4 WHEN 'district' THEN 6 WHEN 'township' THEN 9 ELSE 12 END)
            AS code_prefix
    FROM current_divisions
)

SELECT division_code, division_level, division_name, code_prefix
FROM levelled
WHERE (division_level = 'city' AND code_prefix IN (SELECT left(district_prefix, 4) FROM districts_present))
   OR (division_level <> 'city' AND left(code_prefix, 6) IN (SELECT district_prefix FROM districts_present))
ORDER BY division_code
