package io.shequ.warehouse;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The data dictionary of the warehouse, generated from the {@code .yml} beside every model (lake
 * tables, provenance and SQL models): each table's kind, grain, description and tests, and its
 * columns in Chinese and English, as Markdown and as one self-contained HTML page.
 *
 * <p>It is written beside the published snapshots at each publish, so the dictionary in a home
 * always describes the software that built its warehouse.
 */
public final class DataDictionary {

    /** File names {@link #writeTo} writes. */
    public static final String MARKDOWN = "dictionary.md";

    public static final String HTML = "dictionary.html";

    private static final String MODELS = "models";
    private static final List<String> LAYERS =
            List.of("lake/", "meta/", "quality/", "stg_", "int_", "dim_", "fct_", "bdg_", "mart_");

    private final List<Entry> entries;

    /** One documented table or view: its kind (lake table, table, view...) and its spec. */
    record Entry(String kind, ModelSpec spec) {}

    private DataDictionary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The dictionary of every model shipped with this build, lake tables first, then by layer and name. */
    public static DataDictionary ofShippedModels() {
        List<String[]> found = new ArrayList<>();
        for (String path : ClasspathText.files(MODELS)) {
            if (path.endsWith(".yml")) {
                found.add(new String[] {path.substring(MODELS.length() + 1), path});
            }
        }
        found.sort(Comparator.comparingInt((String[] f) -> layer(f[0])).thenComparing(f -> name(f[0])));
        List<Entry> entries = new ArrayList<>();
        for (String[] f : found) {
            ModelSpec spec = ModelSpec.parse(ClasspathText.read(f[1]), f[1]);
            entries.add(new Entry(kind(f[0], spec), spec));
        }
        return new DataDictionary(entries);
    }

    /** The names of the documented tables and views, in dictionary order. */
    public List<String> names() {
        return entries.stream().map(e -> e.spec().name()).toList();
    }

    /**
     * Writes {@value #MARKDOWN} and {@value #HTML} into {@code folder}, each replaced atomically
     * so that a reader never sees half a file.
     *
     * @return the two files written
     */
    public List<Path> writeTo(Path folder) {
        try {
            OwnerOnly.createDirectories(folder);
            return List.of(replace(folder.resolve(MARKDOWN), markdown()), replace(folder.resolve(HTML), html()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the data dictionary into " + folder, e);
        }
    }

    /** The dictionary as Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Shequ data dictionary 数据字典\n\n");
        md.append("Generated from the `.yml` beside each model in `warehouse/src/main/resources/models/`: ")
                .append(entries.size())
                .append(" tables and views. 由各模型旁的 `.yml` 生成。\n\n");
        for (Entry entry : entries) {
            ModelSpec spec = entry.spec();
            md.append("- [`")
                    .append(spec.name())
                    .append("`](#")
                    .append(spec.name())
                    .append(") — ")
                    .append(entry.kind())
                    .append(": ")
                    .append(cell(spec.grain()))
                    .append('\n');
        }
        for (Entry entry : entries) {
            ModelSpec spec = entry.spec();
            md.append("\n## ").append(spec.name()).append("\n\n");
            md.append("*")
                    .append(entry.kind())
                    .append("* · grain 粒度: ")
                    .append(spec.grain())
                    .append("\n\n");
            if (!spec.zh().isBlank()) {
                md.append(spec.zh().strip()).append("\n\n");
            }
            if (!spec.en().isBlank()) {
                md.append(spec.en().strip()).append("\n\n");
            }
            for (List<String> key : spec.uniqueKeys()) {
                md.append("Test: unique (").append(String.join(", ", key)).append(")\n\n");
            }
            md.append("| column 列 | 中文 | English | tests |\n|---|---|---|---|\n");
            for (ModelSpec.Column column : spec.columns()) {
                md.append("| `")
                        .append(column.name())
                        .append("` | ")
                        .append(cell(column.zh()))
                        .append(" | ")
                        .append(cell(column.en()))
                        .append(" | ")
                        .append(cell(tests(column)))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** The dictionary as one HTML page without external resources. */
    public String html() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Shequ data dictionary 数据字典</title>\n<style>\n")
                .append(
                        "body{font-family:sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\n")
                .append("table{border-collapse:collapse;width:100%;margin-bottom:1rem}")
                .append("th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}")
                .append("th{background:#f3f3f3}code{background:#f6f6f6}.kind{color:#666}\n")
                .append("</style>\n</head>\n<body>\n<h1>Shequ data dictionary 数据字典</h1>\n")
                .append("<p>Generated from the <code>.yml</code> beside each model: ")
                .append(entries.size())
                .append(" tables and views.</p>\n<ul>\n");
        for (Entry entry : entries) {
            String name = escape(entry.spec().name());
            html.append("<li><a href=\"#")
                    .append(name)
                    .append("\"><code>")
                    .append(name)
                    .append("</code></a> <span class=\"kind\">")
                    .append(escape(entry.kind()))
                    .append("</span>: ")
                    .append(escape(entry.spec().grain()))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
        for (Entry entry : entries) {
            ModelSpec spec = entry.spec();
            String name = escape(spec.name());
            html.append("<h2 id=\"")
                    .append(name)
                    .append("\">")
                    .append(name)
                    .append("</h2>\n")
                    .append("<p><span class=\"kind\">")
                    .append(escape(entry.kind()))
                    .append("</span> · grain 粒度: ")
                    .append(escape(spec.grain()))
                    .append("</p>\n");
            if (!spec.zh().isBlank()) {
                html.append("<p>").append(escape(spec.zh().strip())).append("</p>\n");
            }
            if (!spec.en().isBlank()) {
                html.append("<p>").append(escape(spec.en().strip())).append("</p>\n");
            }
            for (List<String> key : spec.uniqueKeys()) {
                html.append("<p>Test: unique (")
                        .append(escape(String.join(", ", key)))
                        .append(")</p>\n");
            }
            html.append("<table>\n<tr><th>column 列</th><th>中文</th><th>English</th><th>tests</th></tr>\n");
            for (ModelSpec.Column column : spec.columns()) {
                html.append("<tr><td><code>")
                        .append(escape(column.name()))
                        .append("</code></td><td>")
                        .append(escape(column.zh()))
                        .append("</td><td>")
                        .append(escape(column.en()))
                        .append("</td><td>")
                        .append(escape(tests(column)))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String tests(ModelSpec.Column column) {
        List<String> tests = new ArrayList<>();
        column.tests().forEach(t -> tests.add(t.toString()));
        if (column.references() != null) {
            tests.add("references " + column.references());
        }
        return String.join(", ", tests);
    }

    private static int layer(String relative) {
        for (int i = 0; i < LAYERS.size(); i++) {
            String layer = LAYERS.get(i);
            if (layer.endsWith("/")
                    ? relative.startsWith(layer)
                    : name(relative).startsWith(layer)) {
                return i;
            }
        }
        return LAYERS.size();
    }

    private static String name(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    private static String kind(String relative, ModelSpec spec) {
        if (relative.startsWith("lake/")) {
            return "lake table 湖表";
        }
        if (relative.startsWith("meta/")) {
            return "provenance table 来源记录";
        }
        if (relative.startsWith("quality/")) {
            return "input-quality table 输入质量记录";
        }
        if ("macro".equals(spec.materialized())) {
            return "table macro 表宏";
        }
        boolean view = !spec.materialized().isEmpty()
                ? "view".equals(spec.materialized())
                : spec.name().startsWith("stg_");
        return view ? "view 视图" : "table 表";
    }

    private static String cell(String text) {
        return text == null ? "" : text.strip().replace("\n", " ").replace("|", "\\|");
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Path replace(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            OwnerOnly.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}
