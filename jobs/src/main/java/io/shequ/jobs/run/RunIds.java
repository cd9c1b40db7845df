package io.shequ.jobs.run;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.batch.core.scope.context.ChunkContext;

/** Run ids: sortable by start time, unique, safe as a folder name. */
public final class RunIds {

    public static final String PARAMETER = "run.id";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RunIds() {}

    public static String next() {
        return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    }

    /** True for a name {@link #next()} could have made, so a folder named so is a run's. */
    public static boolean isRunId(String name) {
        return name.matches("\\d{8}T\\d{6}Z-[0-9a-f]{4}");
    }

    public static String of(ChunkContext context) {
        Object id = context.getStepContext().getJobParameters().get(PARAMETER);
        if (id == null) {
            throw new IllegalStateException("job parameter " + PARAMETER + " is missing");
        }
        return id.toString();
    }
}
