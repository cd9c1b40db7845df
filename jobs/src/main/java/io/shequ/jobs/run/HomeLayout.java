package io.shequ.jobs.run;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where each area of a Shequ home lives on disk. One place, so no step invents a path. */
public record HomeLayout(Path home) {

    public HomeLayout {
        home = home.toAbsolutePath().normalize();
    }

    /**
     * Creates the home and its areas owner-only where they are missing, before any step, engine
     * or database writes into them; folders already there keep their mode.
     */
    public HomeLayout createOwnerOnly() throws IOException {
        OwnerOnly.createDirectories(home);
        for (String area : AREAS) {
            OwnerOnly.createDirectories(home.resolve(area));
        }
        return this;
    }

    /** The home's top folders, each owner-only. */
    static final List<String> AREAS =
            List.of("landing", "staging", "quarantine", "dq-warned", "work", "runs", "state", "lake", "warehouse");

    /**
     * Spark's scratch space in local mode ({@code spark.local.dir}: shuffle and spill files, which
     * hold staged rows with personal data in clear): inside the owner-only home, not in /tmp.
     */
    public Path sparkScratch() {
        return home.resolve("work").resolve("spark-scratch");
    }

    public Path landingFiles() {
        return home.resolve("landing/files");
    }

    public Path landingTables(String runId) {
        return home.resolve("landing/tables").resolve(runId);
    }

    public Path staging(String runId) {
        return home.resolve("staging").resolve(runId);
    }

    public Path quarantine(String runId) {
        return home.resolve("quarantine").resolve(runId);
    }

    /**
     * Rows that failed only warn-level data-quality rules: they stay in the data and are recorded here,
     * apart from the quarantine (nothing here is to be re-admitted); owner-only, purged like the quarantine.
     */
    public Path dqWarned(String runId) {
        return home.resolve("dq-warned").resolve(runId);
    }

    /** A checked dataset's rows as they were before its rules took rows out (restart-safe input of the check). */
    public Path beforeCheck(String runId) {
        return home.resolve("work").resolve(runId).resolve("before-check");
    }

    public Path conformed(String runId) {
        return home.resolve("work").resolve(runId).resolve("conformed");
    }

    public Path run(String runId) {
        return home.resolve("runs").resolve(runId);
    }

    public Path state() {
        return home.resolve("state");
    }

    /**
     * The merged vendor state of the grid system, one folder per run and a {@code CURRENT} pointer;
     * it holds raw personal data, so it lives under state/ (owner-only), never in the lake.
     */
    public Path gridMirror() {
        return state().resolve("grid-mirror");
    }

    /** The H2 file of the Iceberg JDBC catalog. */
    public Path icebergCatalog() {
        return state().resolve("iceberg");
    }

    /** The password of user sa of the embedded H2 databases (owner-only, generated on first use). */
    public Path embeddedDbPassword() {
        return home.resolve("secrets").resolve("embedded-db.password");
    }

    /** The H2 file of the job repository (when no other database is configured). */
    public Path jobRepository() {
        return state().resolve("jobs");
    }

    public Path lake() {
        return home.resolve("lake");
    }

    /** The user's reference files read on top of the shipped ones (division-aliases.csv). */
    public Path reference() {
        return home.resolve("reference");
    }

    public Path warehouse() {
        return home.resolve("warehouse");
    }

    /** The link to the current warehouse snapshot, which readers open. */
    public Path currentWarehouse() {
        return warehouse().resolve("current.duckdb");
    }
}
