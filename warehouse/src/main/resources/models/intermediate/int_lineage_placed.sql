-- grain: one row per indicator value (year, division, indicator, breakdown) and fact row that contributes to it, in one division or in all
-- A table macro, so a trail reads only its division's facts: int_lineage_placed(NULL, NULL) places
-- every fact row in every division (mart_indicator_lineage); int_lineage_placed('370102001000',
-- '370102001') only in that division, with its code prefix filtering the facts where they are
-- scanned, before the windows of the share rules.
-- Each fact row states what it adds to the numerator and to the denominator of the values it
-- counts in, so that for every value of mart_indicators
--   sum(numerator_part) = numerator and sum(denominator_part) = denominator.
-- The rows come from int_lineage_contributions (one int_lineage_<subject> view per
-- int_indicators_<subject> model), at the fact's own code; here each is placed in every division
-- in scope that contains that code. Parts that depend on the division are given here: a project
-- or provider counts 1 on its first row in the division (where its amount there is positive), and
-- a median is carried by the middle row (or half by each of the two middle rows) of the
-- division's rows ordered by their weight.
CREATE MACRO int_lineage_placed(p_division, p_prefix) AS TABLE
WITH contribution_prefixes AS NOT MATERIALIZED (
    -- one division: its own prefix only; all: the prefixes of every level that may contain the code
    SELECT *, unnest(CASE WHEN p_prefix IS NULL THEN list_distinct([left(code, 4), left(code, 6), left(code, 9), code])
                          ELSE [p_prefix] END) AS code_prefix
    FROM int_lineage_contributions
    WHERE code IS NOT NULL AND year IS NOT NULL AND (p_prefix IS NULL OR starts_with(code, p_prefix))
),

in_divisions AS NOT MATERIALIZED (
    SELECT c.* EXCLUDE (code_prefix), d.division_code, d.division_level
    FROM contribution_prefixes AS c
    JOIN int_division_scope AS d ON d.code_prefix = c.code_prefix
    WHERE p_division IS NULL OR d.division_code = p_division
),

summed AS (
    SELECT * EXCLUDE (share_rule, counted, weight)
    FROM in_divisions
    WHERE share_rule = 'sum'
),

counted_once AS (
    SELECT
        * EXCLUDE (share_rule, counted, weight, numerator_part, detail),
        counted || CASE WHEN row_number() OVER first_row = 1
            THEN ' counted once, on this row' ELSE ' already counted' END || ' (' || detail || ')' AS detail,
        CAST(CASE WHEN row_number() OVER first_row = 1 THEN 1 ELSE 0 END AS DECIMAL(38, 10)) AS numerator_part
    FROM in_divisions
    WHERE share_rule = 'once'
    WINDOW first_row AS (
        PARTITION BY year, division_code, indicator, breakdown, counted
        ORDER BY source, try_cast(source_row AS INTEGER), source_row, fact_key
    )
    QUALIFY sum(weight) OVER (PARTITION BY year, division_code, indicator, breakdown, counted) > 0
),

median_ranks AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY year, division_code, indicator, breakdown ORDER BY weight, fact_key) AS rank,
        count(*) OVER (PARTITION BY year, division_code, indicator, breakdown) AS rows_in_value
    FROM in_divisions
    WHERE share_rule = 'median'
),

medians AS (
    SELECT
        * EXCLUDE (share_rule, counted, weight, numerator_part, detail, rank, rows_in_value),
        CASE
            WHEN rows_in_value % 2 = 1 AND rank = (rows_in_value + 1) / 2 THEN weight
            WHEN rows_in_value % 2 = 0 AND rank IN (rows_in_value / 2, rows_in_value / 2 + 1)
                THEN CAST(weight / 2 AS DECIMAL(38, 10))
            ELSE CAST(0 AS DECIMAL(38, 10))
        END AS numerator_part,
        detail || '; ' || rank || ' of ' || rows_in_value || ' in order' || CASE
            WHEN rows_in_value % 2 = 1 AND rank = (rows_in_value + 1) / 2 THEN ': the middle row, the median'
            WHEN rows_in_value % 2 = 0 AND rank IN (rows_in_value / 2, rows_in_value / 2 + 1)
                THEN ': one of the two middle rows, half the median'
            ELSE ''
        END AS detail
    FROM median_ranks
),

lineage AS (
    SELECT * FROM summed
    UNION ALL BY NAME
    SELECT * FROM counted_once
    UNION ALL BY NAME
    SELECT * FROM medians
)

-- only values mart_indicators publishes (ratios with a zero denominator are not published)
SELECT
    l.year, l.division_code, l.division_level, l.indicator, l.breakdown, l.fact_table, l.fact_key,
    l.source, l.source_row, l.detail, l.numerator_part, l.denominator_part, l.code
FROM lineage AS l
SEMI JOIN (SELECT * FROM mart_indicators WHERE p_division IS NULL OR division_code = p_division) AS m
    ON m.year = l.year AND m.division_code = l.division_code
    AND m.indicator = l.indicator AND m.breakdown = l.breakdown
