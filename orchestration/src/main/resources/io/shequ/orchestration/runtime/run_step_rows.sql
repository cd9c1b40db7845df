-- Grain: one row per step execution of one job execution (parameter 1), with its row counts.
SELECT STEP_NAME AS step_name, READ_COUNT AS read_count, WRITE_COUNT AS write_count, FILTER_COUNT AS filter_count
FROM BATCH_STEP_EXECUTION
WHERE JOB_EXECUTION_ID = ?
