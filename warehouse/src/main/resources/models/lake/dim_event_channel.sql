-- grain: one row per event channel of the shipped taxonomy (with the home's own terms), keyed by channel_code
CREATE TABLE dim_event_channel (
    channel_key BIGINT NOT NULL,
    channel_code VARCHAR NOT NULL,
    name_zh VARCHAR NOT NULL,
    name_en VARCHAR
);
