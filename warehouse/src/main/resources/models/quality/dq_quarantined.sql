-- grain: one row per source, office folder and rule that quarantined rows or whole files of the inputs behind this snapshot
CREATE TABLE dq_quarantined (
    source VARCHAR NOT NULL,
    office VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    rows_quarantined BIGINT NOT NULL,
    files_quarantined BIGINT NOT NULL
);
