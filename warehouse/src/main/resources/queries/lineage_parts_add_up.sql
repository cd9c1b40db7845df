-- grain: one row per published value (year, division, indicator, breakdown) whose lineage parts do not add up to it
-- Parts with share rule 'sum' are added up per fact code first, then rolled up into every
-- division containing the code: one pass over the fact-grain rows, never a row per value × fact
-- × level. Parts counted once or carried by the median depend on the division: those few values
-- are added up from mart_indicator_lineage itself.
WITH sums_by_code AS (
    SELECT year, code, indicator, breakdown,
           sum(numerator_part) AS numerator, sum(denominator_part) AS denominator
    FROM int_lineage_contributions
    WHERE share_rule = 'sum' AND code IS NOT NULL AND year IS NOT NULL
    GROUP BY ALL
),

sums_by_prefix AS (
    SELECT *, unnest(list_distinct([left(code, 4), left(code, 6), left(code, 9), code])) AS code_prefix
    FROM sums_by_code
),

sums AS (
    SELECT s.year, d.division_code, s.indicator, s.breakdown,
           sum(s.numerator) AS numerator, sum(s.denominator) AS denominator
    FROM sums_by_prefix AS s
    JOIN int_division_scope AS d ON d.code_prefix = s.code_prefix
    GROUP BY ALL
),

per_division AS (
    SELECT year, division_code, indicator, breakdown,
           sum(numerator_part) AS numerator, sum(denominator_part) AS denominator
    FROM mart_indicator_lineage
    WHERE (indicator = 'purchase' AND breakdown IN ('projects', 'providers'))
       OR (indicator = 'dispose_hours' AND breakdown = 'median')
    GROUP BY ALL
),

parts AS (
    SELECT * FROM sums
    WHERE NOT ((indicator = 'purchase' AND breakdown IN ('projects', 'providers'))
               OR (indicator = 'dispose_hours' AND breakdown = 'median'))
    UNION ALL
    SELECT * FROM per_division
)

SELECT
    m.year, m.division_code, m.indicator, m.breakdown, m.numerator, m.denominator,
    coalesce(p.numerator, 0) AS numerator_parts, p.denominator AS denominator_parts
FROM mart_indicators AS m
LEFT JOIN parts AS p
    ON p.year = m.year AND p.division_code = m.division_code
    AND p.indicator = m.indicator AND p.breakdown = m.breakdown
WHERE abs(coalesce(p.numerator, 0) - m.numerator) > 1e-9 * greatest(1, abs(m.numerator))
   OR (m.denominator IS NOT NULL
       AND abs(coalesce(p.denominator, 0) - m.denominator) > 1e-9 * greatest(1, abs(m.denominator)))
