-- grain: one row per kind, source and office of dq_source_findings, for one division (prefix):
-- an office naming only divisions outside it is left out; findings of no office are kept
SELECT f.kind, f.source, f.office, f.findings
FROM dq_source_findings AS f
WHERE f.office = ''
   OR EXISTS (SELECT 1 FROM dim_division AS d WHERE d.division_name = f.office AND starts_with(d.division_code, ?))
   OR NOT EXISTS (SELECT 1 FROM dim_division AS d WHERE d.division_name = f.office)
ORDER BY f.kind, f.source, f.office
