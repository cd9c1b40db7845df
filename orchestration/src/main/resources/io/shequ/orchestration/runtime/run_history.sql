-- Grain: one row per job execution in the Spring Batch job repository, newest first, with the
-- run id it was launched with (job parameter run.id). A restarted run has several executions.
-- Parameter 1: how many to return. Plain SQL for H2 and PostgreSQL.
SELECT e.JOB_EXECUTION_ID AS execution_id,
       i.JOB_NAME         AS job_name,
       p.PARAMETER_VALUE  AS run_id,
       e.STATUS           AS status,
       e.EXIT_CODE        AS exit_status,
       e.START_TIME       AS started,
       e.END_TIME         AS ended
FROM BATCH_JOB_EXECUTION e
JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
LEFT JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'run.id'
ORDER BY e.JOB_EXECUTION_ID DESC
LIMIT ?
