-- grain: one row per partition of the partition ledger that was late or missing when this snapshot was published
CREATE TABLE dq_partitions (
    source VARCHAR NOT NULL,
    partition_key VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    period_start DATE,
    period_end DATE,
    due DATE NOT NULL
);
