-- grain: one row per table or view of the served snapshot, before the role's filter;
-- parameters: schema LIKE pattern (twice, null for any), table LIKE pattern (twice, null for any)
WITH relations AS (
    SELECT database_name, schema_name, table_name, 'TABLE' AS table_type
    FROM duckdb_tables()
    WHERE NOT internal AND NOT temporary AND database_name = current_database()
    UNION ALL
    SELECT database_name, schema_name, view_name AS table_name, 'VIEW' AS table_type
    FROM duckdb_views()
    WHERE NOT internal AND NOT temporary AND database_name = current_database()
)

SELECT database_name, schema_name, table_name, table_type
FROM relations
WHERE (CAST(? AS VARCHAR) IS NULL OR schema_name LIKE ? ESCAPE '\')
    AND (CAST(? AS VARCHAR) IS NULL OR table_name LIKE ? ESCAPE '\')
ORDER BY table_type, schema_name, table_name
