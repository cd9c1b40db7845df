package io.shequ.jobs.run;

/**
 * Marks the failure of a quality gate (data-quality rules, the publish's tests and audits): the
 * run stops on purpose, nothing is published, and it exits {@link ExitCodes#QUALITY_GATE}.
 */
public interface QualityGate {}
