package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.division.Division;
import io.shequ.schemas.period.ReportPeriod;
import io.shequ.simulator.SimulatedDistrict.Street;
import io.shequ.simulator.StreetReport.Cell;
import io.shequ.simulator.StreetReport.Damage;
import io.shequ.simulator.StreetReport.Format;
import io.shequ.simulator.StreetReport.Identity;
import io.shequ.simulator.StreetReport.Line;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides what every street office reports in each period, and how messy each file is at the
 * rates of the spec's {@link Mess}: format and charset, monthly or quarterly, header spellings,
 * what the file says about itself, damaged files, resubmissions, duplicates, and each row's
 * written name, cells and intended rejects.
 */
final class ReportPlanner {

    private static final String[] BAD_TEXTS = {"待核实", "待统计", "见附表"};
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

    private final SimulationSpec spec;
    private final SimulatedDistrict district;
    private final Mess mess;
    private int serial;
    private final List<GroundTruthWriter.HeaderRow> novelHeaders = new ArrayList<>();

    ReportPlanner(SimulationSpec spec, SimulatedDistrict district) {
        this.spec = spec;
        this.district = district;
        this.mess = spec.mess();
    }

    List<StreetReport> plan() {
        Random streets = spec.random("report-formats");
        Random files = spec.random("report-files");
        Random rows = spec.random("report-rows");
        CellSpelling spelling = new CellSpelling(mess, spec.random("report-cells"));
        PersonFaker clerks = new PersonFaker(district.district().code().shortForm(), spec.random("report-clerks"));
        Map<Division, List<List<BigDecimal>>> months = monthlyFigures();
        List<StreetReport> reports = new ArrayList<>();
        for (Street street : district.streets()) {
            Set<MessKind> streetMess = EnumSet.noneOf(MessKind.class);
            Format format = format(streets, streetMess);
            boolean quarterly = spec.months() >= 3 && mess.hits(MessKind.QUARTERLY_REPORTS, streets);
            if (quarterly) {
                streetMess.add(MessKind.QUARTERLY_REPORTS);
            }
            List<String> header = header(streets, streetMess);
            if (mess.hits(MessKind.NOVEL_HEADERS, streets)) {
                header = new NovelHeaders(spec.novelties(), spec.random("novel-headers:" + street.name()))
                        .respell(header, street.name(), novelHeaders);
                streetMess.add(MessKind.NOVEL_HEADERS);
            }
            String clerk = clerks.name();
            for (ReportPeriod period : periods(quarterly)) {
                List<Line> lines = new ArrayList<>();
                for (Division community : street.communities()) {
                    lines.add(line(street, community, figures(months.get(community), period), rows, spelling));
                }
                LocalDate filedOn = period.end().plusDays(1 + files.nextInt(10));
                plan(street, period, format, header, List.copyOf(lines), clerk, filedOn, streetMess, files, reports);
            }
        }
        return reports;
    }

    /** One period's file, or two when it is resubmitted (the first one with a few wrong figures). */
    private void plan(
            Street street,
            ReportPeriod period,
            Format format,
            List<String> header,
            List<Line> lines,
            String clerk,
            LocalDate filedOn,
            Set<MessKind> streetMess,
            Random random,
            List<StreetReport> reports) {
        Set<MessKind> fileMess = EnumSet.noneOf(MessKind.class);
        fileMess.addAll(streetMess);
        Damage damage = Damage.NONE;
        if (mess.hits(MessKind.UNREADABLE_FILE, random)) {
            List<Damage> kinds = format.xlsx()
                    ? List.of(Damage.TRUNCATED, Damage.EMPTY, Damage.NO_HEADER)
                    : List.of(Damage.EMPTY, Damage.NO_HEADER);
            damage = kinds.get(random.nextInt(kinds.size()));
            fileMess.add(MessKind.UNREADABLE_FILE);
        }
        Identity identity = Identity.FILE_NAME;
        if (damage == Damage.NONE && mess.hits(MessKind.UNIDENTIFIABLE_FILE, random)) {
            identity = random.nextBoolean() ? Identity.NO_OFFICE : Identity.NO_PERIOD;
            fileMess.add(MessKind.UNIDENTIFIABLE_FILE);
        } else if (damage == Damage.NONE && mess.hits(MessKind.IDENTITY_ELSEWHERE, random)) {
            identity = format.xlsx() && random.nextBoolean() ? Identity.TITLE : Identity.FOLDER;
            fileMess.add(MessKind.IDENTITY_ELSEWHERE);
        }
        if (format.xlsx() && damage == Damage.NONE && mess.hits(MessKind.EXTRA_SHEET, random)) {
            fileMess.add(MessKind.EXTRA_SHEET);
        }
        boolean resubmitted =
                damage == Damage.NONE && identity.identifiable() && mess.hits(MessKind.RESUBMISSION, random);
        boolean copied = mess.hits(MessKind.DUPLICATE_FILE, random);
        if (resubmitted) {
            Set<MessKind> originalMess = EnumSet.copyOf(fileMess);
            originalMess.add(MessKind.RESUBMISSION);
            reports.add(new StreetReport(
                    street,
                    period,
                    format,
                    header,
                    wrongFigures(lines, random),
                    clerk,
                    filedOn,
                    identity,
                    damage,
                    ++serial,
                    "",
                    originalMess));
            fileMess.remove(MessKind.IDENTITY_ELSEWHERE);
            fileMess.add(MessKind.RESUBMISSION);
            identity = Identity.FILE_NAME;
            filedOn = filedOn.plusDays(3 + random.nextInt(10));
        }
        if (copied) {
            fileMess.add(MessKind.DUPLICATE_FILE);
        }
        reports.add(new StreetReport(
                street,
                period,
                format,
                header,
                lines,
                clerk,
                filedOn,
                identity,
                damage,
                ++serial,
                resubmitted ? "更正" : "",
                fileMess));
    }

    private Format format(Random random, Set<MessKind> streetMess) {
        if (!mess.hits(MessKind.REPORT_CSV, random)) {
            return new Format(true, StandardCharsets.UTF_8, false);
        }
        streetMess.add(MessKind.REPORT_CSV);
        return switch (random.nextInt(4)) {
            case 0 -> new Format(false, StandardCharsets.UTF_8, false);
            case 1 -> new Format(false, StandardCharsets.UTF_8, true);
            case 2 -> new Format(false, Charset.forName("GBK"), false);
            default -> new Format(false, Charset.forName("GB18030"), false);
        };
    }

    /** The headers {@link MessKind#NOVEL_HEADERS} wrote, with what each must be read as. */
    List<GroundTruthWriter.HeaderRow> novelHeaders() {
        return List.copyOf(novelHeaders);
    }

    /** The template header, or the office's own spellings of it, all of them known to the contract. */
    private List<String> header(Random random, Set<MessKind> streetMess) {
        if (!mess.hits(MessKind.HEADER_ALIASES, random)) {
            return ReportColumns.HEADER;
        }
        List<String> header = new ArrayList<>();
        List<String> names = ReportColumns.spellings(ReportColumns.NAME_FIELD);
        header.add(names.get(random.nextInt(names.size())));
        for (String field : ReportColumns.FIELDS) {
            List<String> spellings = ReportColumns.spellings(field);
            header.add(spellings.get(random.nextInt(spellings.size())));
        }
        if (!header.equals(ReportColumns.HEADER)) {
            streetMess.add(MessKind.HEADER_ALIASES);
        }
        return List.copyOf(header);
    }

    private Map<Division, List<List<BigDecimal>>> monthlyFigures() {
        Map<Division, List<List<BigDecimal>>> months = new LinkedHashMap<>();
        Map<Division, CommunityFigures> figures = new HashMap<>();
        for (Division community : district.communities()) {
            figures.put(community, new CommunityFigures(spec.random("figures:" + community.code())));
            List<List<BigDecimal>> byMonth = new ArrayList<>();
            for (int month = 1; month <= spec.months(); month++) {
                byMonth.add(figures.get(community).nextMonth());
            }
            months.put(community, byMonth);
        }
        return months;
    }

    private List<ReportPeriod> periods(boolean quarterly) {
        List<ReportPeriod> periods = new ArrayList<>();
        if (quarterly) {
            for (int quarter = 1; quarter * 3 <= spec.months(); quarter++) {
                periods.add(ReportPeriod.quarter(spec.year(), quarter));
            }
        } else {
            for (int month = 1; month <= spec.months(); month++) {
                periods.add(ReportPeriod.month(spec.year(), month));
            }
        }
        return periods;
    }

    /** Stocks as of the period's last month; flows added up over its months. */
    private static List<BigDecimal> figures(List<List<BigDecimal>> byMonth, ReportPeriod period) {
        List<BigDecimal> values = new ArrayList<>(byMonth.get(period.lastMonth() - 1));
        for (int c = ReportColumns.FIRST_FLOW; c < values.size(); c++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int month = period.firstMonth(); month <= period.lastMonth(); month++) {
                sum = sum.add(byMonth.get(month - 1).get(c));
            }
            values.set(c, sum);
        }
        return values;
    }

    private Line line(
            Street street, Division community, List<BigDecimal> values, Random random, CellSpelling spelling) {
        Set<MessKind> used = EnumSet.noneOf(MessKind.class);
        String written;
        if (mess.hits(MessKind.NAME_VARIANT, random)) {
            written = NameVariants.variant(community, street.name(), random);
            used.add(MessKind.NAME_VARIANT);
        } else {
            written = NameVariants.written(community, random);
        }
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < values.size(); c++) {
            cells.add(spelling.spell(c, values.get(c), used));
        }
        if (!mess.hits(MessKind.BAD_VALUE, random)) {
            return new Line(community, written, List.copyOf(cells), null, null, Set.copyOf(used));
        }
        used.add(MessKind.BAD_VALUE);
        int column = random.nextInt(cells.size());
        RejectRule rule;
        switch (random.nextInt(3)) {
            case 0 -> {
                cells.set(column, Cell.bad("-" + (1 + random.nextInt(99)), true));
                rule = RejectRule.NEGATIVE_VALUE;
            }
            case 1 -> {
                String text = random.nextBoolean()
                        ? BAD_TEXTS[random.nextInt(BAD_TEXTS.length)]
                        : (1 + random.nextInt(99)) + "a";
                cells.set(column, Cell.bad(text, false));
                rule = RejectRule.NOT_A_NUMBER;
            }
            default -> {
                column = ReportColumns.RESIDENTS;
                cells.set(column, Cell.bad(BILLION.toPlainString(), true));
                rule = RejectRule.OUT_OF_RANGE;
            }
        }
        return new Line(
                community, written, List.copyOf(cells), ReportColumns.FIELDS.get(column), rule, Set.copyOf(used));
    }

    /** The first submission of a resubmitted report: one to three stocks off by a little, since corrected. */
    private static List<Line> wrongFigures(List<Line> lines, Random random) {
        List<Line> wrong = new ArrayList<>(lines);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int i = random.nextInt(wrong.size());
            Line line = wrong.get(i);
            int column = random.nextInt(ReportColumns.FIRST_FLOW);
            Cell cell = line.cells().get(column);
            if (line.bad() || cell.clean() == null || column == ReportColumns.AREA) {
                continue;
            }
            List<Cell> cells = new ArrayList<>(line.cells());
            cells.set(column, Cell.number(cell.clean().add(BigDecimal.valueOf(1 + random.nextInt(20))), true));
            wrong.set(i, new Line(line.community(), line.writtenName(), List.copyOf(cells), null, null, line.mess()));
        }
        return List.copyOf(wrong);
    }
}
