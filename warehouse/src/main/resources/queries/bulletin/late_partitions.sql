-- grain: one row per late or missing partition of dq_partitions covering days of one year (bound twice),
-- within one division (prefix, bound third) when its key starts with a division code; others (grid days) kept
SELECT source, partition_key, state, due
FROM dq_partitions
WHERE (period_start IS NULL OR year(period_start) <= ?) AND (period_end IS NULL OR year(period_end) >= ?)
  AND (NOT regexp_matches(partition_key, '^[0-9]{6}') OR starts_with(partition_key, ?))
ORDER BY source, state, partition_key
