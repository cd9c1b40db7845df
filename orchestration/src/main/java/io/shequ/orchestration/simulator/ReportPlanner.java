package io.shequ.orchestration.simulator;

import io.shequ.orchestration.simulator.SimulatedDistrict.Street;
import io.shequ.orchestration.simulator.StreetReport.Cell;
import io.shequ.orchestration.simulator.StreetReport.Format;
import io.shequ.orchestration.simulator.StreetReport.Line;
import io.shequ.schemas.division.Division;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Decides what every street office reports each month: formats, written names, values, bad rows. */
final class ReportPlanner {

    static final String NEGATIVE = "negative_value";
    static final String NOT_A_NUMBER = "not_a_number";

    private static final double PLACEHOLDER_RATE = 0.01;
    private static final double AS_TEXT_RATE = 0.04;
    private static final String[] PLACEHOLDERS = {"—", "暂无", ""};
    private static final String[] BAD_TEXTS = {"待核实", "待统计", "不详"};

    private final SimulationSpec spec;
    private final SimulatedDistrict district;

    ReportPlanner(SimulationSpec spec, SimulatedDistrict district) {
        this.spec = spec;
        this.district = district;
    }

    List<StreetReport> plan() {
        Random formats = spec.random("report-formats");
        Random rows = spec.random("report-rows");
        PersonFaker clerks = new PersonFaker(district.district().code().shortForm(), spec.random("report-clerks"));
        Map<Division, CommunityFigures> figures = new HashMap<>();
        for (Division community : district.communities()) {
            figures.put(community, new CommunityFigures(spec.random("figures:" + community.code())));
        }
        List<StreetReport> reports = new ArrayList<>();
        for (Street street : district.streets()) {
            Format format = format(formats);
            String clerk = clerks.name();
            for (int month = 1; month <= spec.months(); month++) {
                List<Line> lines = new ArrayList<>();
                for (Division community : street.communities()) {
                    lines.add(line(community, figures.get(community).nextMonth(), rows));
                }
                LocalDate monthEnd = LocalDate.of(spec.year(), month, 1).plusMonths(1).minusDays(1);
                LocalDate filedOn = monthEnd.plusDays(1 + formats.nextInt(10));
                reports.add(new StreetReport(street, spec.year(), month, format, List.copyOf(lines), clerk, filedOn));
            }
        }
        return reports;
    }

    private static Format format(Random random) {
        if (random.nextDouble() < 0.6) {
            return new Format(true, StandardCharsets.UTF_8, false);
        }
        return switch (random.nextInt(3)) {
            case 0 -> new Format(false, StandardCharsets.UTF_8, false);
            case 1 -> new Format(false, StandardCharsets.UTF_8, true);
            default -> new Format(false, Charset.forName("GBK"), false);
        };
    }

    private Line line(Division community, List<BigDecimal> values, Random random) {
        List<Cell> cells = new ArrayList<>();
        for (BigDecimal value : values) {
            double draw = random.nextDouble();
            if (draw < PLACEHOLDER_RATE) {
                cells.add(Cell.text(PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)]));
            } else {
                cells.add(Cell.number(value, draw > 1 - AS_TEXT_RATE));
            }
        }
        String written = NameVariants.written(community, random);
        if (random.nextDouble() >= spec.badRowRate()) {
            return new Line(community, written, List.copyOf(cells), null, null);
        }
        int column = random.nextInt(cells.size());
        String reason;
        if (random.nextBoolean()) {
            cells.set(column, Cell.number(BigDecimal.valueOf(-1 - random.nextInt(99)), false));
            reason = NEGATIVE;
        } else {
            String text = random.nextBoolean()
                    ? BAD_TEXTS[random.nextInt(BAD_TEXTS.length)]
                    : (1 + random.nextInt(99)) + "a";
            cells.set(column, Cell.text(text));
            reason = NOT_A_NUMBER;
        }
        return new Line(community, written, List.copyOf(cells), ReportColumns.VALUES.get(column), reason);
    }
}
