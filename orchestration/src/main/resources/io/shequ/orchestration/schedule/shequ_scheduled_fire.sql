-- Grain: one row per trigger fire that a scheduler node executed (trigger, scheduled time).
-- Written by the node that ran it, before the run starts and again when it ends; a fire whose
-- node died mid-run keeps ended_at null. Plain SQL for H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS shequ_scheduled_fire (
    fire_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    trigger_name VARCHAR(200) NOT NULL,
    job          VARCHAR(64)  NOT NULL,
    scheduled_at TIMESTAMP    NOT NULL,
    fired_at     TIMESTAMP    NOT NULL,
    instance_id  VARCHAR(200) NOT NULL,
    run_id       VARCHAR(64),
    exit_code    INTEGER,
    ended_at     TIMESTAMP
);
