-- grain: one row per current division containing the given 12-digit code (city, district, street, community), top first
SELECT division_code, level, division_name
FROM dim_division
WHERE is_current
  AND level IN ('city', 'district', 'township', 'village')
  AND division_code IN (
      rpad(left(CAST(? AS VARCHAR), 4), 12, '0'),
      rpad(left(CAST(? AS VARCHAR), 6), 12, '0'),
      rpad(left(CAST(? AS VARCHAR), 9), 12, '0'),
      CAST(? AS VARCHAR))
QUALIFY row_number() OVER (PARTITION BY division_code ORDER BY valid_from DESC NULLS LAST, division_name) = 1
ORDER BY division_code
