-- grain: one row per finding kind, source and office the inputs behind this snapshot raised
CREATE TABLE dq_source_findings (
    kind VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    office VARCHAR NOT NULL,
    findings BIGINT NOT NULL
);
