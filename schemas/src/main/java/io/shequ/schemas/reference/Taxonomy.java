package io.shequ.schemas.reference;

import io.shequ.schemas.text.TypedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A code list Shequ ships under {@code reference/taxonomy/}: event categories and channels,
 * service categories, evaluation grades. Each file is UTF-8 CSV with the header
 * {@code code,name_zh,name_en} and an optional fourth column of other spellings separated by "|".
 */
public final class Taxonomy implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FOLDER = "reference/taxonomy/";
    // Ledgers write 养老 for 养老服务 and 志愿服务 for 志愿, so names are compared without it.
    private static final String SERVICE_SUFFIX = "服务";

    private final String name;
    private final Map<String, TaxonomyTerm> byCode = new LinkedHashMap<>();
    private final Map<String, TaxonomyTerm> byKey = new HashMap<>();

    private Taxonomy(String name) {
        this.name = name;
    }

    /**
     * The bundled taxonomy {@code name} ("event-categories", "event-channels",
     * "service-categories", "evaluation-grades").
     *
     * @throws IllegalArgumentException when there is no such taxonomy or a row is malformed
     */
    public static Taxonomy load(String name) {
        String resource = FOLDER + name + ".csv";
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no taxonomy '" + name + "' (looked for " + resource + ")");
            }
            return read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading taxonomy " + resource, e);
        }
    }

    /**
     * The taxonomy {@code name} from {@code folder} (a home's {@code taxonomies/}) when the folder
     * holds {@code <name>.csv}, else the bundled one: an alias added to the home's copy maps a
     * value from the next run on, without a rebuild.
     */
    public static Taxonomy load(String name, Path folder) {
        Path file = folder == null ? null : folder.resolve(name + ".csv");
        if (file == null || !Files.isRegularFile(file)) {
            return load(name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading taxonomy " + file, e);
        }
    }

    static Taxonomy read(String name, InputStream in) throws IOException {
        Taxonomy taxonomy = new Taxonomy(name);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.replace("\uFEFF", "").startsWith("code,name_zh,name_en")) {
            throw new IllegalArgumentException(name + ": header must start with code,name_zh,name_en, got " + header);
        }
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 3 || cells[0].isBlank() || cells[1].isBlank()) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": expected code,name_zh,name_en");
            }
            TaxonomyTerm term = new TaxonomyTerm(cells[0].strip(), cells[1].strip(), cells[2].strip());
            if (taxonomy.byCode.putIfAbsent(term.code(), term) != null) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": code " + term.code() + " repeated");
            }
            List<String> spellings = new ArrayList<>(List.of(term.nameZh(), term.nameEn()));
            if (cells.length > 3 && !cells[3].isBlank()) {
                spellings.addAll(List.of(cells[3].split("\\|")));
            }
            for (String spelling : spellings) {
                taxonomy.byKey.putIfAbsent(key(spelling), term);
            }
        }
        return taxonomy;
    }

    public String name() {
        return name;
    }

    /** The terms in file order. */
    public List<TaxonomyTerm> terms() {
        return List.copyOf(byCode.values());
    }

    /** The term with this code, exactly as the file writes it ("01", not "1"). */
    public Optional<TaxonomyTerm> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /**
     * The term a name refers to: its Chinese or English name or a listed alias, after folding
     * full-width forms, removing whitespace, ignoring case and a trailing 服务. Empty when none does.
     */
    public Optional<TaxonomyTerm> byName(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String key = key(typed);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    private static String key(String spelling) {
        String text = TypedText.compact(spelling).toLowerCase(Locale.ROOT);
        if (text.endsWith(SERVICE_SUFFIX) && text.length() > SERVICE_SUFFIX.length()) {
            text = text.substring(0, text.length() - SERVICE_SUFFIX.length());
        }
        return text;
    }

    /**
     * The member a value outside the taxonomy counts under: the term coded {@code other} or
     * {@code 99}, or named 其他.
     *
     * @throws IllegalStateException when the taxonomy has none: it could not keep such a value
     */
    public TaxonomyTerm other() {
        return byCode.values().stream()
                .filter(t -> t.code().equals("other")
                        || t.code().equals("99")
                        || t.nameZh().equals("其他"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("taxonomy " + name + " has no 'other' (其他) member"));
    }

    /** The code of the term {@code typed} names (by name, alias or code), else of {@link #other()}; null stays null. */
    public String codeOrOther(String typed) {
        if (typed == null || TypedText.compact(typed).isEmpty()) {
            return null;
        }
        return byName(typed).or(() -> byCode(typed)).orElseGet(this::other).code();
    }

    /** True when {@code typed} is blank or names a term by name, alias or code. */
    public boolean knows(String typed) {
        return typed == null
                || TypedText.compact(typed).isEmpty()
                || byName(typed).or(() -> byCode(typed)).isPresent();
    }

    @Override
    public String toString() {
        return "Taxonomy[" + name + ", " + byCode.size() + " terms]";
    }
}
