package io.shequ.schemas.contract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and checks a contract YAML file. It walks the tree by hand rather than binding it, so
 * that every complaint can name the file and the exact key ("fields[3].type") a user got wrong.
 */
final class ContractReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> CONTRACT_KEYS =
            Set.of("name", "fields", "word_classes", "unit_words", "ignored_headers");
    private static final Set<String> FIELD_KEYS = Set.of(
            "name",
            "aliases",
            "type",
            "required",
            "min",
            "max",
            "description_zh",
            "description_en",
            "earliest",
            "latest_years_after_run",
            "lake_column");

    private final String source;

    private ContractReader(String source) {
        this.source = source;
    }

    static SourceContract read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        return new ContractReader(source).contract(root);
    }

    private SourceContract contract(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("(top level)", "expected a mapping with keys name and fields");
        }
        onlyKeys(root, CONTRACT_KEYS, "");
        String name = text(root, "name", "name", true);
        JsonNode fieldsNode = root.get("fields");
        if (fieldsNode == null || !fieldsNode.isArray() || fieldsNode.isEmpty()) {
            throw invalid("fields", "expected a non-empty list of fields");
        }
        List<FieldSpec> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fieldsNode.size(); i++) {
            FieldSpec field = field(fieldsNode.get(i), "fields[" + i + "]");
            if (!seen.add(field.name())) {
                throw invalid("fields[" + i + "].name", "'" + field.name() + "' is declared twice");
            }
            fields.add(field);
        }
        return new SourceContract(
                name,
                fields,
                new HeaderVariants(
                        wordClasses(root.get("word_classes")),
                        aliases(root.get("unit_words"), "unit_words"),
                        aliases(root.get("ignored_headers"), "ignored_headers")));
    }

    private Map<String, List<String>> wordClasses(JsonNode node) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return classes;
        }
        if (!node.isObject()) {
            throw invalid("word_classes", "expected a mapping of class name to a list of words");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            List<String> words = aliases(node.get(name), "word_classes." + name);
            if (words.isEmpty()) {
                throw invalid("word_classes." + name, "expected a non-empty list of words");
            }
            classes.put(name, words);
        }
        return classes;
    }

    private FieldSpec field(JsonNode node, String key) {
        if (!node.isObject()) {
            throw invalid(key, "expected a mapping");
        }
        onlyKeys(node, FIELD_KEYS, key + ".");
        String name = text(node, "name", key + ".name", true);
        if (!FIELD_NAME.matcher(name).matches()) {
            throw invalid(key + ".name", "'" + name + "' is not lower_snake_case");
        }
        FieldType type = type(node.get("type"), key + ".type");
        boolean required = flag(node.get("required"), key + ".required");
        BigDecimal min = number(node.get("min"), key + ".min", type);
        BigDecimal max = number(node.get("max"), key + ".max", type);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw invalid(key + ".min", "min " + min + " is above max " + max);
        }
        return new FieldSpec(
                name,
                aliases(node.get("aliases"), key + ".aliases"),
                type,
                required,
                min,
                max,
                text(node, "description_zh", key + ".description_zh", false),
                text(node, "description_en", key + ".description_en", false),
                dates(node, key, type),
                text(node, "lake_column", key + ".lake_column", false));
    }

    /** {@code earliest} (an ISO day) and {@code latest_years_after_run} of a date field; null for defaults. */
    private DateBounds dates(JsonNode node, String key, FieldType type) {
        String earliest = text(node, "earliest", key + ".earliest", false);
        JsonNode years = node.get("latest_years_after_run");
        if (earliest == null && (years == null || years.isNull())) {
            return null;
        }
        if (type != FieldType.DATE && type != FieldType.DATE_RANGE) {
            throw invalid(key + ".earliest", "date bounds apply to DATE and DATE_RANGE fields, not " + type);
        }
        LocalDate from = DateBounds.DEFAULT.earliest();
        if (earliest != null) {
            try {
                from = LocalDate.parse(earliest);
            } catch (DateTimeParseException e) {
                throw invalid(key + ".earliest", "'" + earliest + "' is not a day written yyyy-mm-dd");
            }
        }
        int after = DateBounds.DEFAULT.yearsAfterRun();
        if (years != null && !years.isNull()) {
            if (!years.canConvertToInt() || !years.isIntegralNumber() || years.intValue() < 0) {
                throw invalid(
                        key + ".latest_years_after_run",
                        "expected a whole number of years, 0 or more, got '" + years.asText() + "'");
            }
            after = years.intValue();
        }
        return new DateBounds(from, after);
    }

    private List<String> aliases(JsonNode node, String key) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid(key, "expected a list of header spellings");
        }
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode alias = node.get(i);
            // A number such as 12345 is a legitimate header spelling once quoted; YAML may not have quoted it.
            if (!alias.isValueNode() || alias.isNull() || alias.asText().isBlank()) {
                throw invalid(key + "[" + i + "]", "expected a non-blank header spelling");
            }
            aliases.add(alias.asText().strip());
        }
        return aliases;
    }

    private FieldType type(JsonNode node, String key) {
        if (node == null || !node.isTextual()) {
            throw invalid(key, "expected one of " + Arrays.toString(FieldType.values()));
        }
        try {
            return FieldType.valueOf(node.asText().strip());
        } catch (IllegalArgumentException e) {
            throw invalid(key, "'" + node.asText() + "' is not one of " + Arrays.toString(FieldType.values()));
        }
    }

    private boolean flag(JsonNode node, String key) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw invalid(key, "expected true or false, got '" + node.asText() + "'");
        }
        return node.booleanValue();
    }

    private BigDecimal number(JsonNode node, String key, FieldType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw invalid(key, "expected a number, got '" + node.asText() + "'");
        }
        if (!type.isNumeric()) {
            throw invalid(key, "bounds apply to COUNT, AREA and AMOUNT fields, not " + type);
        }
        return node.decimalValue();
    }

    private String text(JsonNode parent, String field, String key, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid(key, "is missing");
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isBlank())) {
            throw invalid(key, "expected text, got '" + node + "'");
        }
        return node.asText().strip();
    }

    private void onlyKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(prefix + name, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(source + ": " + key + ": " + problem);
    }
}
