-- grain: one row per lake table the warehouse was built from
CREATE TABLE meta_snapshot (
    lake_catalog VARCHAR NOT NULL,
    lake_namespace VARCHAR NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    table_name VARCHAR NOT NULL,
    iceberg_snapshot_id BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    build_definition VARCHAR NOT NULL
);
