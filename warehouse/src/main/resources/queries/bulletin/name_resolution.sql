-- grain: one row per source of dq_name_resolution
SELECT source, names, resolved, ambiguous, unknown
FROM dq_name_resolution
ORDER BY source
