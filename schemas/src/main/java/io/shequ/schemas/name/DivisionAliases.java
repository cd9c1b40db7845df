package io.shequ.schemas.name;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names people write that differ from the official NBS name, each confirmed by a person: within
 * a scope (a district, a street, a city), the written name means one unit. The curated list ships
 * in this module ({@value #BUNDLED}); a data engineer confirms a quarantined name by adding a line
 * to a copy in {@code <home>/reference/}, read on top of it, with no rebuild.
 *
 * <p>File format: CSV in UTF-8, header {@code scope,written,official,note}; lines starting with
 * {@code #} and blank lines are skipped; the note may contain commas. Written names are compared
 * after the normalisation official names get ({@link DivisionNameNormalizer}: suffixes, full-width
 * forms, spaces), so one line covers 先锋路街道, 先锋路街道办事处 and 先锋路.
 */
public final class DivisionAliases implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The curated list on the classpath. */
    public static final String BUNDLED = "reference/division-aliases.csv";
    /** The user's copy's file name, in {@code <home>/reference/}. */
    public static final String FILE_NAME = "division-aliases.csv";

    /** One confirmed name: {@code written} within {@code scope} means {@code official}. */
    public record Alias(DivisionCode scope, String written, DivisionCode official, String note, String origin)
            implements Serializable {}

    private final Map<String, Alias> byKey;

    private DivisionAliases(Map<String, Alias> byKey) {
        this.byKey = byKey;
    }

    public static DivisionAliases none() {
        return new DivisionAliases(Map.of());
    }

    /** The curated list shipped with Shequ. */
    public static DivisionAliases bundled() {
        InputStream in = DivisionAliases.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            return none();
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + BUNDLED, e);
        }
    }

    /** The curated list with the user's file (when it exists) merged on top. */
    public static DivisionAliases bundledWithUser(Path userFile) {
        DivisionAliases bundled = bundled();
        if (userFile == null || !Files.isRegularFile(userFile)) {
            return bundled;
        }
        try (Reader reader = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
            return bundled.overriddenBy(parse(reader, userFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + userFile, e);
        }
    }

    /** Parses an alias file; a malformed line stops with its origin and line number. */
    public static DivisionAliases parse(Reader source, String origin) throws IOException {
        Map<String, Alias> aliases = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int lineNo = 0;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String text = line.strip();
            if (lineNo == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split(",", 4);
            if (header && cells[0].strip().equalsIgnoreCase("scope")) {
                header = false;
                continue;
            }
            header = false;
            if (cells.length < 3) {
                throw new IllegalArgumentException(
                        origin + " line " + lineNo + ": expected scope,written,official,note");
            }
            Alias alias = alias(cells, origin, lineNo);
            aliases.put(key(alias.scope(), alias.official().level(), alias.written()), alias);
        }
        return new DivisionAliases(aliases);
    }

    private static Alias alias(String[] cells, String origin, int lineNo) {
        String scope = unquote(cells[0]);
        String written = unquote(cells[1]);
        String official = unquote(cells[2]);
        if (!DivisionCode.isValid(scope) || !DivisionCode.isValid(official) || written.isEmpty()) {
            throw new IllegalArgumentException(origin + " line " + lineNo
                    + ": scope and official must be NBS codes (2-12 digits) and written must not be empty");
        }
        DivisionCode officialCode = DivisionCode.parse(official);
        if (officialCode.level() != DivisionLevel.TOWNSHIP && officialCode.level() != DivisionLevel.VILLAGE) {
            throw new IllegalArgumentException(origin + " line " + lineNo
                    + ": official must be a street (9 digits) or community (12 digits) code, got " + official);
        }
        return new Alias(
                DivisionCode.parse(scope),
                written,
                officialCode,
                cells.length > 3 ? unquote(cells[3]) : "",
                origin + ":" + lineNo);
    }

    /** These aliases with {@code user}'s on top: the same scope and written name takes the user's code. */
    public DivisionAliases overriddenBy(DivisionAliases user) {
        Map<String, Alias> merged = new LinkedHashMap<>(byKey);
        merged.putAll(user.byKey);
        return new DivisionAliases(merged);
    }

    /**
     * The alias for a name written within {@code context} (a street or a district code) that means a
     * unit of {@code level}: the narrowest scope containing the context wins.
     */
    public Optional<Alias> find(DivisionCode context, DivisionLevel level, String written) {
        if (context == null || written == null || byKey.isEmpty()) {
            return Optional.empty();
        }
        List<DivisionLevel> scopes =
                List.of(DivisionLevel.TOWNSHIP, DivisionLevel.DISTRICT, DivisionLevel.CITY, DivisionLevel.PROVINCE);
        for (DivisionLevel scopeLevel : scopes) {
            if (scopeLevel.ordinal() > context.level().ordinal()) {
                continue;
            }
            Alias alias = byKey.get(key(context.ancestor(scopeLevel), level, written));
            if (alias != null) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return byKey.size();
    }

    private static String key(DivisionCode scope, DivisionLevel level, String written) {
        String name = level == DivisionLevel.TOWNSHIP
                ? DivisionNameNormalizer.normalizeStreet(written)
                : DivisionNameNormalizer.normalize(written);
        return scope.value() + "|" + level + "|" + name;
    }

    private static String unquote(String cell) {
        String text = cell.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }
}
