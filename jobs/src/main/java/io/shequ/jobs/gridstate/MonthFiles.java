package io.shequ.jobs.gridstate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.year;

import io.shequ.schemas.home.FileTrees;
import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet folder whose every file holds the rows of one report month, named in the file
 * ({@code part-m202312-…parquet}; month 0 for rows without one). It reads as any Parquet folder,
 * with the same columns as its rows; a writer that changes a few months rewrites their files only
 * and hard-links the others from the folder it replaces, so a day's grid increment costs the months
 * it touches, not the whole state. A folder whose files do not all name their month (written by an
 * earlier release, or by a plain Spark write) is read whole and rewritten whole.
 */
public final class MonthFiles {

    /** The month of every row without a report date. */
    public static final int NO_MONTH = 0;

    /** The column {@link #write} partitions by; it is not kept in the files. */
    public static final String MONTH = "_file_month";

    private static final Pattern NAMED = Pattern.compile("part-m(\\d+)-.*\\.parquet");

    private MonthFiles() {}

    /** An event's month, yyyymm of its report time ({@link #NO_MONTH} without one). */
    public static Column ofReportedAt() {
        return coalesce(year(col("reported_at")).multiply(100).plus(month(col("reported_at"))), lit(NO_MONTH));
    }

    /** A grid fact's month, from its report year and month: the month of the event it was built from. */
    public static Column ofReportMonth() {
        return coalesce(col("report_year").multiply(100).plus(col("report_month")), lit(NO_MONTH));
    }

    /**
     * The folder's data files by month, or empty when one of them names no month (or the folder
     * does not exist): such a folder can only be read and replaced whole.
     */
    public static Optional<TreeMap<Integer, List<Path>>> byMonth(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        TreeMap<Integer, List<Path>> months = new TreeMap<>();
        for (Path file : dataFiles(folder)) {
            Matcher m = NAMED.matcher(file.getFileName().toString());
            if (!m.matches()) {
                return Optional.empty();
            }
            months.computeIfAbsent(Integer.valueOf(m.group(1)), k -> new ArrayList<>())
                    .add(file);
        }
        return Optional.of(months);
    }

    /** The rows of {@code months} only, read from their files (the folder must be {@link #byMonth by month}). */
    public static Dataset<Row> read(SparkSession spark, Path folder, Set<Integer> months) {
        TreeMap<Integer, List<Path>> files =
                byMonth(folder).orElseThrow(() -> new IllegalStateException(folder + " is not kept by month"));
        StructType schema = spark.read().parquet(folder.toString()).schema();
        String[] paths = months.stream()
                .flatMap(m -> files.getOrDefault(m, List.of()).stream())
                .map(Path::toString)
                .toArray(String[]::new);
        return paths.length == 0
                ? spark.createDataFrame(List.of(), schema)
                : spark.read().schema(schema).parquet(paths);
    }

    /**
     * Writes {@code rows}, the whole content of {@code months}, into {@code folder} (replacing it),
     * one file per month and task, then hard-links the files of every other month from {@code
     * previous} (copied where a link cannot be made). With {@code previous} empty, {@code rows} is the
     * whole table. A folder left half-written by a crash is replaced whole by the next attempt.
     *
     * @param month the month of each row ({@link #ofReportedAt}, {@link #ofReportMonth})
     */
    public static void write(
            Dataset<Row> rows, Column month, Path folder, Optional<Path> previous, Set<Integer> months) {
        writeWithMonth(rows.withColumn(MONTH, month), folder, previous, months);
    }

    /** As {@link #write}, the rows' month already in their column {@link #MONTH}. */
    public static void writeWithMonth(Dataset<Row> rows, Path folder, Optional<Path> previous, Set<Integer> months) {
        if (previous.filter(p -> p.toAbsolutePath()
                        .normalize()
                        .equals(folder.toAbsolutePath().normalize()))
                .isPresent()) {
            throw new IllegalArgumentException("cannot rewrite " + folder + " from itself");
        }
        Path spill = folder.resolveSibling(folder.getFileName() + ".by-month");
        try {
            FileTrees.delete(folder);
            FileTrees.delete(spill);
            rows.write().partitionBy(MONTH).parquet(spill.toString());
            OwnerOnly.createDirectories(folder);
            int written = 0;
            try (Stream<Path> parts = Files.list(spill)) {
                for (Path part : parts.filter(Files::isDirectory).sorted().toList()) {
                    String name = part.getFileName().toString();
                    if (!name.startsWith(MONTH + "=")) {
                        continue;
                    }
                    int m = Integer.parseInt(name.substring(MONTH.length() + 1));
                    for (Path file : dataFiles(part)) {
                        Files.move(file, folder.resolve("part-m" + m + "-" + written++ + "-" + file.getFileName()));
                    }
                }
            }
            if (previous.isPresent()) {
                TreeMap<Integer, List<Path>> kept = byMonth(previous.get())
                        .orElseThrow(() -> new IllegalStateException(previous.get() + " is not kept by month"));
                for (var entry : kept.entrySet()) {
                    if (!months.contains(entry.getKey())) {
                        for (Path file : entry.getValue()) {
                            link(file, folder.resolve(file.getFileName()));
                        }
                    }
                }
            }
            if (dataFiles(folder).isEmpty()) {
                writeEmpty(rows.drop(MONTH), folder, spill);
            }
            FileTrees.delete(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + folder + " by month", e);
        }
    }

    /** The months of {@code monthOf}'s rows, collected (few: one per report month). */
    public static Set<Integer> monthsOf(Dataset<Row> rows, Column monthOf) {
        Set<Integer> months = new TreeSet<>();
        for (Row r : rows.select(monthOf.as(MONTH)).distinct().collectAsList()) {
            months.add(r.getInt(0));
        }
        return months;
    }

    /** Hard-links (or, across file systems, copies) every data file of {@code from} into a new {@code to}. */
    public static void linkAll(Path from, Path to) {
        try {
            FileTrees.delete(to);
            OwnerOnly.createDirectories(to);
            for (Path file : dataFiles(from)) {
                link(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("linking " + from + " into " + to, e);
        }
    }

    /** An empty table keeps its columns: one file of no rows, in month 0. */
    private static void writeEmpty(Dataset<Row> rows, Path folder, Path spill) throws IOException {
        FileTrees.delete(spill);
        rows.limit(0).coalesce(1).write().parquet(spill.toString());
        int n = 0;
        for (Path file : dataFiles(spill)) {
            Files.move(file, folder.resolve("part-m" + NO_MONTH + "-empty-" + n++ + ".parquet"));
        }
    }

    private static void link(Path file, Path target) throws IOException {
        try {
            Files.createLink(target, file);
        } catch (FileSystemException | UnsupportedOperationException e) {
            OwnerOnly.restrict(Files.copy(file, target));
        }
    }

    private static List<Path> dataFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && !name.startsWith("_");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + folder, e);
        }
    }
}
