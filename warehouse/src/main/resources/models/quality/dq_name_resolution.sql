-- grain: one row per source whose division names were resolved to NBS codes
CREATE TABLE dq_name_resolution (
    source VARCHAR NOT NULL,
    names BIGINT NOT NULL,
    resolved BIGINT NOT NULL,
    ambiguous BIGINT NOT NULL,
    unknown BIGINT NOT NULL
);
