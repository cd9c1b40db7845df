-- grain: one row per column of a primary key in the served snapshot;
-- parameters: schema name (twice, null for any), table name
SELECT database_name, schema_name, table_name, UNNEST(constraint_column_names) AS column_name,
    UNNEST(generate_series(1, len(constraint_column_names))) AS key_sequence, constraint_name
FROM duckdb_constraints()
WHERE constraint_type = 'PRIMARY KEY' AND database_name = current_database()
    AND (CAST(? AS VARCHAR) IS NULL OR schema_name = ?)
    AND table_name = ?
ORDER BY key_sequence
