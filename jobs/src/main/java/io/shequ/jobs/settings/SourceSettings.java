package io.shequ.jobs.settings;

import java.nio.file.Path;

/**
 * Where the sources are ({@code sources} in shequ.yml): each one's folder or database, null when not
 * configured.
 *
 * @param streetOffices folder of street-office report files
 * @param procurement folder of procurement ledgers
 * @param grid the grid system's database
 * @param tolerateUnreadableFiles when false (the default), a source file quarantined whole (unreadable, empty, no
 *     header, office or period unknown) makes the run end with exit code 1, after the other files have loaded and
 *     published; when true the run still reports it but exits 0
 */
public record SourceSettings(Path streetOffices, Path procurement, GridSource grid, boolean tolerateUnreadableFiles) {}
