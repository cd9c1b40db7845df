-- grain: one row per year, division, indicator and breakdown (mart_indicators), each filter optional (null: all)
SELECT m.year, m.division_code, m.division_level, m.division_name, m.indicator, m.breakdown,
       m.numerator, m.denominator, m.value, m.unit,
       CASE m.division_level WHEN 'city' THEN '市' WHEN 'district' THEN '区县'
           WHEN 'street' THEN '街道/乡镇' WHEN 'community' THEN '社区/村' END AS division_level_zh,
       coalesce(i.indicator_name_zh, m.indicator) AS indicator_name_zh,
       coalesce(i.indicator_name_en, m.indicator) AS indicator_name_en
FROM mart_indicators AS m
LEFT JOIN dim_indicator AS i ON i.indicator = m.indicator
WHERE (CAST(? AS VARCHAR) IS NULL OR m.division_level = CAST(? AS VARCHAR))
  AND (CAST(? AS INTEGER) IS NULL OR m.year = CAST(? AS INTEGER))
  AND (CAST(? AS VARCHAR) IS NULL OR m.division_code = CAST(? AS VARCHAR))
  AND (CAST(? AS VARCHAR) IS NULL OR m.indicator = CAST(? AS VARCHAR))
  AND (CAST(? AS VARCHAR) IS NULL OR m.breakdown = CAST(? AS VARCHAR))
ORDER BY m.year, m.division_code, m.indicator, m.breakdown
