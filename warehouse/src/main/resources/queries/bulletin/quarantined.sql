-- grain: one row per source, office folder and rule of dq_quarantined, for one division (prefix):
-- an office folder naming only divisions outside it is left out; rows of no office are kept
SELECT q.source, q.office, q.rule, q.rows_quarantined, q.files_quarantined
FROM dq_quarantined AS q
WHERE q.office = ''
   OR EXISTS (SELECT 1 FROM dim_division AS d WHERE d.division_name = q.office AND starts_with(d.division_code, ?))
   OR NOT EXISTS (SELECT 1 FROM dim_division AS d WHERE d.division_name = q.office)
ORDER BY q.source, q.office, q.rule
