package io.shequ.schemas.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a kind of source file must contain, read from a YAML file so that users can add header
 * spellings without rebuilding. The bundled contracts live under {@code contracts/} on the
 * classpath: {@link #STREET_OFFICE_REPORT} and {@link #PROCUREMENT_LEDGER}.
 *
 * <p>File layout:
 * <pre>
 * name: street-office-report
 * fields:
 *   - name: households          # canonical column name, [a-z][a-z0-9_]*
 *     aliases: [户数, 总户数]     # header spellings, compared after {@link HeaderMatcher#normalizeHeader}
 *     type: COUNT               # a {@link FieldType}
 *     required: false           # optional, default false
 *     min: 0                    # optional, numeric types only
 *     max: 2000000              # optional, numeric types only
 *     description_zh: 户数       # optional
 *     description_en: households # optional
 * word_classes:                 # optional: words offices swap for one another in headers
 *   settled: [议定, 化解, 办结]   #   议定公共事务 and 办结公共事务 name the same field
 * unit_words: [件, 户, 人]        # optional: trailing unit words a header may add or drop
 * ignored_headers: [序号, 备注]   # optional: columns that carry no field, never reported
 * </pre>
 * See {@link HeaderVariants} for how a header that no alias spells exactly is still matched.
 */
public record SourceContract(String name, List<FieldSpec> fields, HeaderVariants variants) {

    public static final String STREET_OFFICE_REPORT = "contracts/street-office-report.yml";
    public static final String PROCUREMENT_LEDGER = "contracts/procurement-ledger.yml";

    public SourceContract {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        variants = variants == null ? HeaderVariants.NONE : variants;
    }

    /** A contract that matches only its listed spellings. */
    public SourceContract(String name, List<FieldSpec> fields) {
        this(name, fields, HeaderVariants.NONE);
    }

    /**
     * A contract from the classpath, such as {@link #STREET_OFFICE_REPORT}.
     *
     * @throws IllegalArgumentException when there is no such resource, or it is not a valid
     *     contract; the message names the resource and the offending key
     */
    public static SourceContract load(String resourceName) {
        try (InputStream in = SourceContract.class.getClassLoader().getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract resource '" + resourceName + "' on the classpath");
            }
            return ContractReader.read(in, resourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("reading contract " + resourceName, e);
        }
    }

    /**
     * A contract from a user's file.
     *
     * @throws IllegalArgumentException when the file is not a valid contract; the message names
     *     the file and the offending key
     * @throws UncheckedIOException when the file cannot be read
     */
    public static SourceContract load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ContractReader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading contract " + file, e);
        }
    }

    /** The field with this canonical name. */
    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The fields whose values are numbers (counts, areas, amounts): those value accounting sums. */
    public List<FieldSpec> numericFields() {
        return fields.stream().filter(f -> f.type().isNumeric()).toList();
    }

    public List<FieldSpec> requiredFields() {
        return fields.stream().filter(FieldSpec::required).toList();
    }
}
