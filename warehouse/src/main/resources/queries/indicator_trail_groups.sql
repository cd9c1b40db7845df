-- grain: one row for the whole trail of one value, one per source (file or table) and one per child division
-- The value's fact rows are placed in its division only (int_lineage_placed with its code prefix,
-- so only its facts are read). The child of a fact row is the division one level below the traced
-- one that contains its code (? = the child's significant digits); a fact that names only the
-- traced division itself (a whole-street contract) is grouped under that division.
WITH trail AS (
    SELECT source, numerator_part, denominator_part, rpad(left(code, ?), 12, '0') AS child_code
    FROM int_lineage_placed(?, ?)
    WHERE indicator = ? AND year = ? AND breakdown = ?
),

grouped AS (
    SELECT
        CASE WHEN GROUPING(source) = 0 THEN 'source' WHEN GROUPING(child_code) = 0 THEN 'child' ELSE 'total' END AS grouping,
        CASE WHEN GROUPING(source) = 0 THEN coalesce(source, '(not recorded)') ELSE child_code END AS key,
        count(*) AS rows,
        coalesce(sum(numerator_part), 0) AS numerator,
        sum(denominator_part) AS denominator
    FROM trail
    GROUP BY GROUPING SETS ((), (source), (child_code))
)

SELECT g.grouping, g.key, d.division_name, g.rows, g.numerator, g.denominator
FROM grouped AS g
LEFT JOIN int_division_scope AS d ON g.grouping = 'child' AND d.division_code = g.key
ORDER BY CASE g.grouping WHEN 'total' THEN 0 WHEN 'source' THEN 1 ELSE 2 END, g.key
