-- grain: one row per year, division, indicator and breakdown (mart_indicators), filtered by level and year
SELECT year, division_code, division_level, division_name, indicator, breakdown,
       numerator, denominator, value, unit
FROM mart_indicators
WHERE (CAST(? AS VARCHAR) IS NULL OR division_level = CAST(? AS VARCHAR))
  AND (CAST(? AS INTEGER) IS NULL OR year = CAST(? AS INTEGER))
ORDER BY year, division_code, indicator, breakdown
