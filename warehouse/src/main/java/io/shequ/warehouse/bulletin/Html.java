package io.shequ.warehouse.bulletin;

/** A small HTML writer: every text is escaped, headings are bilingual (Chinese first, English beside). */
final class Html {

    private final StringBuilder out = new StringBuilder();

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** A heading of {@code level} with its Chinese and English titles. */
    Html heading(int level, String zh, String en) {
        return raw("<h" + level + ">")
                .text(zh)
                .raw(" <span class=\"en\">")
                .text(en)
                .raw("</span></h" + level + ">\n");
    }

    /** A section with an id, opened; close it with {@link #close(String)}. */
    Html section(String id) {
        return raw("<section id=\"" + escape(id) + "\">\n");
    }

    Html close(String tag) {
        return raw("</" + tag + ">\n");
    }

    /** A header row of bilingual cells, each given as {@code {zh, en}}. */
    Html headerRow(String[]... cells) {
        raw("<thead><tr>");
        for (String[] cell : cells) {
            raw("<th>")
                    .text(cell[0])
                    .raw("<br><span class=\"en\">")
                    .text(cell[1])
                    .raw("</span></th>");
        }
        return raw("</tr></thead>\n");
    }

    /** A row of plain text cells. */
    Html row(String... cells) {
        raw("<tr>");
        for (String cell : cells) {
            raw("<td>").text(cell).raw("</td>");
        }
        return raw("</tr>\n");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
