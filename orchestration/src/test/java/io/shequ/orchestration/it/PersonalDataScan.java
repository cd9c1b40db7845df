package io.shequ.orchestration.it;

import io.shequ.schemas.code.MobileNumber;
import io.shequ.schemas.code.ResidentIdNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every file under a home's lake and warehouse and reports any valid resident ID number or
 * mobile number in it: Parquet files decoded (every column as text, via DuckDB), DuckDB files
 * table by table (every column as text; fractional numbers skipped), everything else (Iceberg metadata JSON, Avro manifests,
 * checksums) as text.
 *
 * <p>Hex tokens of 16 characters or more that hold a letter (HMAC pseudonyms, their truncated
 * column bounds in manifests) and UUIDs (file names) are blanked first: 64 random hex digits hold
 * an 11-digit run starting 1[3-9] about once in 300 keys, a false alarm, not a leak. Likewise an
 * 18-digit number counts as an ID number only with a birth date in a lifetime (see
 * {@link #bornInALifetime}).
 */
final class PersonalDataScan {

    private static final Pattern HEX_TOKENS =
            Pattern.compile("(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z])"
                    + "|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Column types not scanned: the digits after a decimal point (2.19611111111 events per
     * thousand) are no identifier. Text, integers (a number could be stored as one), lists,
     * structs and everything else are read as text.
     */
    private static final Set<Integer> FRACTIONAL =
            Set.of(Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC);

    /** One finding: what was found where. */
    record Finding(Path file, String where, String kind, String value) {}

    private final List<Finding> findings = new ArrayList<>();
    private long filesRead;
    private long valuesRead;

    /** Scans every regular file under {@code folders} (symbolic links are not followed: their targets are in them). */
    static PersonalDataScan of(Path... folders) throws Exception {
        PersonalDataScan scan = new PersonalDataScan();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path folder : folders) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(folder)) {
                    files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .sorted()
                            .toList();
                }
                for (Path file : files) {
                    scan.read(duckdb, file);
                }
            }
        }
        return scan;
    }

    List<Finding> findings() {
        return findings;
    }

    long filesRead() {
        return filesRead;
    }

    long valuesRead() {
        return valuesRead;
    }

    private void read(Connection duckdb, Path file) throws IOException, SQLException {
        filesRead++;
        String name = file.getFileName().toString();
        if (name.endsWith(".parquet")) {
            try (PreparedStatement statement = duckdb.prepareStatement("SELECT * FROM read_parquet(?)")) {
                statement.setString(1, file.toString());
                scanRows(file, "", statement.executeQuery());
            }
        } else if (name.endsWith(".duckdb")) {
            scanDatabase(file);
        } else {
            scan(file, "text", new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
    }

    private void scanDatabase(Path file) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + file + ";duckdb.read_only=true");
                Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT schema_name, table_name FROM duckdb_tables() UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal")) {
                while (rows.next()) {
                    tables.add('"' + rows.getString(1) + "\".\"" + rows.getString(2) + '"');
                }
            }
            for (String table : tables) {
                try (Statement query = db.createStatement()) {
                    scanRows(file, table + ".", query.executeQuery("SELECT * FROM " + table));
                }
            }
        }
    }

    private void scanRows(Path file, String prefix, ResultSet rows) throws SQLException {
        try (rows) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    if (FRACTIONAL.contains(rows.getMetaData().getColumnType(c))) {
                        continue;
                    }
                    String value = rows.getString(c);
                    if (value != null) {
                        valuesRead++;
                        scan(file, prefix + rows.getMetaData().getColumnName(c), value);
                    }
                }
            }
        }
    }

    /**
     * A resident's birth date lies between 1900 and today: an 18-digit surrogate key whose digits
     * 7-14 read as, say, year 5592 and whose last digit happens to check is not anyone's ID number.
     */
    private static boolean bornInALifetime(String id) {
        return ResidentIdNumber.birthDate(id)
                .filter(born -> born.getYear() >= 1900 && !born.isAfter(LocalDate.now()))
                .isPresent();
    }

    private void scan(Path file, String where, String text) {
        String blanked = HEX_TOKENS.matcher(text).replaceAll(" ");
        Matcher id = ResidentIdNumber.CANDIDATE.matcher(blanked);
        while (id.find()) {
            if (ResidentIdNumber.isValid(id.group()) && bornInALifetime(id.group())) {
                findings.add(new Finding(file, where, "resident ID number", id.group()));
            }
        }
        Matcher mobile = MobileNumber.CANDIDATE.matcher(blanked);
        while (mobile.find()) {
            findings.add(new Finding(file, where, "mobile number", mobile.group()));
        }
    }
}
