package io.shequ.orchestration.bench;

import io.shequ.schemas.home.OwnerOnly;
import io.shequ.warehouse.DuckDbResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DuckDB floor: {@code floor.sql} over the Parquet a run landed and staged, in one DuckDB
 * session with the resources the pipeline's own DuckDB build gets, timed from the first statement
 * to the last Parquet written.
 */
public final class SqlFloor {

    /** The same as the warehouse build's, sized from this machine, so the two compare fairly. */
    public static DuckDbResources resources(Path spillFolder) {
        return DuckDbResources.fromMachine(spillFolder);
    }

    /** The tables floor.sql builds, each written to {@code <out>/<table>.parquet}. */
    public static final List<String> TABLES =
            List.of("grid_events", "community_reports", "service_contracts", "indicators");

    private static final String RESOURCE = "floor.sql";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int HMAC_BLOCK = 64;

    /**
     * @param landedTables  {@code <home>/landing/tables/<run>}: grid, event, event_flow
     * @param staging       {@code <home>/staging/<run>}: community_reports, service_contracts
     * @param divisionFiles the lake's dim_division data files (the NBS list, as reference data)
     * @param extractedAt   rows stamped after this are a vendor clock error, not data
     * @param hmacKey       the pseudonym key
     * @param out           where the Parquet goes
     */
    public record Inputs(
            Path landedTables,
            Path staging,
            List<Path> divisionFiles,
            LocalDateTime extractedAt,
            byte[] hmacKey,
            Path out) {}

    /** How long it took and the rows of each table built. */
    public record Result(Duration elapsed, Map<String, Long> rows) {}

    private SqlFloor() {}

    public static Result run(Inputs inputs) throws IOException, SQLException {
        OwnerOnly.createDirectories(inputs.out());
        List<String> statements = statements(bind(script(), parameters(inputs)));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            DuckDbResources resources = resources(inputs.out().resolve("spill"));
            resources.prepareSpillFolder();
            for (String setting : resources.settings()) {
                sql.execute(setting);
            }
            long start = System.nanoTime();
            for (String statement : statements) {
                sql.execute(statement);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
            return new Result(elapsed, rows);
        }
    }

    static Map<String, String> parameters(Inputs in) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("event", glob(in.landedTables().resolve("event")));
        p.put("event_flow", glob(in.landedTables().resolve("event_flow")));
        p.put("grid", glob(in.landedTables().resolve("grid")));
        p.put("reports", glob(in.staging().resolve("community_reports")));
        p.put("contracts", glob(in.staging().resolve("service_contracts")));
        p.put("divisions", list(in.divisionFiles().stream().map(Path::toString).toList()));
        p.put("extracted_at", "TIMESTAMP '" + TIMESTAMP.format(in.extractedAt()) + "'");
        byte[][] pads = hmacPads(in.hmacKey());
        p.put("ipad", "unhex('" + HexFormat.of().formatHex(pads[0]) + "')");
        p.put("opad", "unhex('" + HexFormat.of().formatHex(pads[1]) + "')");
        p.put("out", in.out().toAbsolutePath().toString().replace("'", "''"));
        return p;
    }

    /** The key XOR 0x36 and XOR 0x5c, zero-padded to SHA-256's block (RFC 2104); a longer key is hashed first. */
    static byte[][] hmacPads(byte[] key) {
        byte[] k = key;
        if (k.length > HMAC_BLOCK) {
            try {
                k = MessageDigest.getInstance("SHA-256").digest(k);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        byte[] ipad = new byte[HMAC_BLOCK];
        byte[] opad = new byte[HMAC_BLOCK];
        for (int i = 0; i < HMAC_BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        return new byte[][] {ipad, opad};
    }

    static String bind(String sql, Map<String, String> parameters) {
        String bound = sql;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            bound = bound.replace("${" + p.getKey() + "}", p.getValue());
        }
        if (bound.contains("${")) {
            throw new IllegalArgumentException("floor.sql has a parameter left unbound near: "
                    + bound.substring(bound.indexOf("${"), Math.min(bound.length(), bound.indexOf("${") + 30)));
        }
        return bound;
    }

    /** The script's statements: split at a semicolon ending a line; comment-only pieces dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        for (String piece : sql.split(";[ \\t]*(\\r?\\n|$)")) {
            boolean code =
                    piece.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("--"));
            if (code) {
                statements.add(piece.strip());
            }
        }
        return statements;
    }

    static String script() throws IOException {
        try (InputStream in = SqlFloor.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String glob(Path folder) {
        return list(List.of(folder.toAbsolutePath().resolve("*.parquet").toString()));
    }

    private static String list(List<String> paths) {
        return paths.stream().map(p -> "'" + p.replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
