package io.shequ.schemas.division;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * The official NBS division list (统计用区划代码), or the part of it a run needs.
 *
 * <p>The 2023 release ships inside this module under {@code reference/nbs-divisions-2023/}; a
 * newer release in the same layout (provinces.csv, cities.csv, areas.csv, streets.csv[.gz],
 * villages.csv[.gz]) can be read from a folder. Loading can be restricted to the units under
 * some codes, which keeps a run that covers one city from reading 620,573 villages into memory.
 */
public final class NbsDivisions {

    public static final String BUNDLED_2023 = "reference/nbs-divisions-2023/";

    /**
     * The bundled release's units by the scopes asked for, for the life of the process: a run reads it
     * in several steps and a scheduler runs many runs, and each read unzips 620,573 villages (about a
     * second). The bundled release never changes while the process runs, and the instances are
     * immutable. A few scope sets at most are kept.
     */
    private static final Map<List<DivisionCode>, NbsDivisions> BUNDLED =
            Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<DivisionCode>, NbsDivisions> eldest) {
                    return size() > 4;
                }
            });

    private final Map<DivisionCode, Division> byCode;

    private NbsDivisions(Map<DivisionCode, Division> byCode) {
        this.byCode = byCode;
    }

    /** The bundled 2023 release, every unit within one of {@code scopes} and all their ancestors. */
    public static NbsDivisions bundled2023(Collection<DivisionCode> scopes) {
        List<DivisionCode> key = scopes.stream().distinct().sorted().toList();
        NbsDivisions known = BUNDLED.get(key);
        if (known != null) {
            return known;
        }
        NbsDivisions loaded =
                load(name -> NbsDivisions.class.getClassLoader().getResourceAsStream(BUNDLED_2023 + name), key);
        BUNDLED.put(key, loaded);
        return loaded;
    }

    /** A release in {@code folder}, restricted like {@link #bundled2023}. */
    public static NbsDivisions fromFolder(Path folder, Collection<DivisionCode> scopes) {
        return load(
                name -> {
                    try {
                        Path file = folder.resolve(name);
                        return Files.exists(file) ? Files.newInputStream(file) : null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                scopes);
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static NbsDivisions load(Opener opener, Collection<DivisionCode> scopes) {
        List<DivisionCode> scopeList = List.copyOf(scopes);
        Predicate<DivisionCode> wanted = code -> scopeList.isEmpty()
                || scopeList.stream().anyMatch(scope -> code.isWithin(scope) || scope.isWithin(code));
        Map<DivisionCode, Division> units = new LinkedHashMap<>();
        List<String> noPrefix = List.of();
        readLevel(opener, "provinces.csv", wanted, noPrefix, units);
        readLevel(opener, "cities.csv", wanted, noPrefix, units);
        readLevel(opener, "areas.csv", wanted, noPrefix, units);
        List<String> prefixes = districtPrefixes(scopeList);
        readLevel(opener, "streets.csv", wanted, prefixes, units);
        readLevel(opener, "villages.csv", wanted, prefixes, units);
        if (units.isEmpty()) {
            throw new IllegalStateException("no NBS division found under " + scopeList);
        }
        return new NbsDivisions(units);
    }

    /**
     * The leading digits a township's or village's code must share with one of {@code scopes} to be
     * wanted: a unit inside a scope starts with the scope's digits, and a scope inside a township or
     * village starts with its 9 or more digits, so both share the scope's first digits up to the
     * district's six. Lines without them are skipped before they are parsed (a city keeps 1 line in
     * 300 of the villages file). Empty when every unit is wanted.
     */
    private static List<String> districtPrefixes(List<DivisionCode> scopes) {
        return scopes.stream()
                .map(scope -> scope.shortForm()
                        .substring(0, Math.min(6, scope.shortForm().length())))
                .distinct()
                .toList();
    }

    /**
     * Reads one level file. Columns are code,name then parent codes; the direct parent is the
     * longest parent column that is a strict prefix, so the column order of a release does not matter.
     * A line whose code starts with none of {@code prefixes} (when there are any) is not wanted.
     */
    private static void readLevel(
            Opener opener,
            String name,
            Predicate<DivisionCode> wanted,
            List<String> prefixes,
            Map<DivisionCode, Division> units) {
        try (InputStream in = openPlainOrGzip(opener, name)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalStateException(name + " is empty");
            }
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || !startsWithAny(line, prefixes)) {
                    continue;
                }
                String[] cells = splitCsv(line);
                if (cells.length < 2) {
                    throw new IllegalStateException(name + " line " + lineNo + ": expected code,name,...");
                }
                DivisionCode code = DivisionCode.parse(cells[0]);
                if (!wanted.test(code)) {
                    continue;
                }
                units.put(code, new Division(code, cells[1], code.parent()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading NBS reference " + name, e);
        }
    }

    private static boolean startsWithAny(String line, List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return true;
        }
        int start = line.startsWith("\"") ? 1 : 0;
        for (String prefix : prefixes) {
            if (line.startsWith(prefix, start)) {
                return true;
            }
        }
        return false;
    }

    private static InputStream openPlainOrGzip(Opener opener, String name) throws IOException {
        InputStream plain = opener.open(name);
        if (plain != null) {
            return plain;
        }
        InputStream gz = opener.open(name + ".gz");
        if (gz == null) {
            throw new IllegalStateException("NBS reference file " + name + " (or " + name + ".gz) not found");
        }
        return new GZIPInputStream(gz, 1 << 16);
    }

    /** The reference files quote names and never embed quotes or commas in them. */
    private static String[] splitCsv(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cells[i] = cell.substring(1, cell.length() - 1);
            }
        }
        return cells;
    }

    public Optional<Division> find(DivisionCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Division get(DivisionCode code) {
        Division division = byCode.get(code);
        if (division == null) {
            throw new IllegalArgumentException("no NBS division " + code + " in the loaded reference");
        }
        return division;
    }

    /** The units directly inside {@code parent}, in code order. */
    public List<Division> childrenOf(DivisionCode parent) {
        List<Division> children = new ArrayList<>();
        for (Division d : byCode.values()) {
            if (parent.equals(d.parentCode())) {
                children.add(d);
            }
        }
        children.sort(Comparator.comparing(Division::code));
        return children;
    }

    /** Every unit of {@code level} within {@code scope}, in code order. */
    public List<Division> within(DivisionCode scope, DivisionLevel level) {
        List<Division> found = new ArrayList<>();
        for (Division d : byCode.values()) {
            if (d.level() == level && d.code().isWithin(scope)) {
                found.add(d);
            }
        }
        found.sort(Comparator.comparing(Division::code));
        return found;
    }

    /** Every loaded unit, in code order. */
    public List<Division> all() {
        List<Division> list = new ArrayList<>(byCode.values());
        list.sort(Comparator.comparing(Division::code));
        return list;
    }

    public int size() {
        return byCode.size();
    }
}
