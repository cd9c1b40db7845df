package io.shequ.orchestration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shequ.orchestration.runtime.PipelineRuntime;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Tells the operator how a run ended: its exit code and summary file, why it did not exit 0,
 * which file sources it found unchanged since the run that read them, and which source files it
 * quarantined whole, each with its reason.
 */
final class RunOutcomePrinter {

    private RunOutcomePrinter() {}

    static void print(PipelineRuntime.Outcome outcome, PrintStream out) {
        out.println("run " + outcome.runId() + " ended with exit code " + outcome.exitCode() + "; summary: "
                + outcome.summary());
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(outcome.summary().toFile());
        } catch (IOException e) {
            out.println("  (the summary could not be read: " + e.getMessage() + ")");
            return;
        }
        for (JsonNode source : summary.path("unchanged_sources")) {
            out.println("  unchanged: " + source.path("source").asText() + " ("
                    + source.path("files").asInt()
                    + " files, reference data, settings and build as run "
                    + source.path("readBy").asText()
                    + " read them; its published rows stand, not staged again)");
        }
        for (JsonNode file : summary.path("files_quarantined_whole")) {
            out.println("  quarantined whole: " + file.path("source").asText() + " "
                    + file.path("location").asText() + " [" + file.path("rule").asText() + "] "
                    + file.path("reason").asText());
        }
        if (summary.hasNonNull("exit_reason")) {
            out.println("  " + summary.get("exit_reason").asText());
        }
        if (summary.hasNonNull("error")) {
            out.println("  error: " + summary.get("error").asText());
        }
    }
}
