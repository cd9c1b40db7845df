package io.shequ.jobs.publish;

import io.shequ.jobs.run.QualityGate;
import java.util.List;
import java.util.Map;

/**
 * The warehouse refused to publish this run's snapshot: a model test or an audit failed. The
 * snapshot was discarded and the previous one stays current; the run exits
 * {@link io.shequ.jobs.run.ExitCodes#QUALITY_GATE}.
 */
public final class PublishGateException extends RuntimeException implements QualityGate {

    private final transient List<Map<String, Object>> audits;

    /** @param audits every check that ran, each as {@code name, passed, detail} */
    public PublishGateException(String message, List<Map<String, Object>> audits) {
        super(message);
        this.audits = List.copyOf(audits);
    }

    public List<Map<String, Object>> audits() {
        return audits;
    }
}
