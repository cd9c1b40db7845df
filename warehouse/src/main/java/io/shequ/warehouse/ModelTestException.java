package io.shequ.warehouse;

import java.util.List;

/** A model's data tests failed during the build: the snapshot is discarded and never published. */
public final class ModelTestException extends PublishBlockedException {

    ModelTestException(List<ModelTests.Failure> failures) {
        super(
                "model tests failed: " + failures,
                failures.stream()
                        .map(f -> AuditOutcome.failed(
                                "model_test:" + f.model() + "." + f.column() + ":" + f.test(), f.toString()))
                        .toList());
    }
}
