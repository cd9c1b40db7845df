package io.shequ.jobs.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The warehouse refused to publish this run's snapshot: a model test or an audit failed. The
 * snapshot was discarded and the previous one stays current; the run exits
 * {@link ExitCodes#QUALITY_GATE}.
 */
public final class PublishGateException extends RuntimeException {

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
