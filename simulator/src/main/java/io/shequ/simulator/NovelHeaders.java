package io.shequ.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@link MessKind#NOVEL_HEADERS}: an office writes the three "matters settled" columns with a verb,
 * a unit suffix, full-width forms or spaces from the caller's {@link Novelties}, and adds a column
 * that names no contract field. Each header written is a {@link GroundTruthWriter.HeaderRow}: the
 * field it must be read as ({@code variant}), or none ({@code unknown}, to be reported).
 */
final class NovelHeaders {

    /** The matters columns as "verb + object", the verb first as in 议定公共事务. */
    private static final Map<String, String> OBJECTS =
            Map.of("matters_public", "公共事务", "matters_livelihood", "民生事项", "matters_disputes", "矛盾纠纷");

    private final Novelties novelties;
    private final Random random;

    NovelHeaders(Novelties novelties, Random random) {
        this.novelties = novelties;
        this.random = random;
    }

    /** The header with the matters columns respelled and a column naming no field appended; the rows say what each means. */
    List<String> respell(List<String> header, String street, List<GroundTruthWriter.HeaderRow> truth) {
        if (novelties.settledVerbs().isEmpty()) {
            return header;
        }
        List<String> out = new ArrayList<>(header);
        for (var e : OBJECTS.entrySet()) {
            int column = 1 + ReportColumns.FIELDS.indexOf(e.getKey());
            String verb = pick(novelties.settledVerbs());
            String written = switch (random.nextInt(3)) {
                case 0 -> verb + e.getValue();
                case 1 -> verb + " " + e.getValue();
                default -> e.getValue() + verb + "数";
            };
            if (!novelties.unitSuffixes().isEmpty() && random.nextBoolean()) {
                written += pick(novelties.unitSuffixes());
            }
            out.set(column, written);
        }
        // meetings held: a full-width space before the unit word, as typed in a Chinese input method
        out.set(1 + ReportColumns.FIELDS.indexOf("consult_meetings"), "协商议事会议\u3000次数");
        for (int c = 1; c < out.size(); c++) {
            if (!out.get(c).equals(header.get(c))) {
                truth.add(new GroundTruthWriter.HeaderRow(
                        "report", street, out.get(c), ReportColumns.FIELDS.get(c - 1), "variant"));
            }
        }
        if (!novelties.unknownHeaders().isEmpty()) {
            String unknown = pick(novelties.unknownHeaders());
            out.add(unknown);
            truth.add(new GroundTruthWriter.HeaderRow("report", street, unknown, null, "unknown"));
        }
        return List.copyOf(out);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
