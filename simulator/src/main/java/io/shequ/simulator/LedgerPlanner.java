package io.shequ.simulator;

import io.shequ.schemas.contract.RejectRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decides how a district writes its year of contracts down: the ledger file (XLSX or CSV in some
 * charset), the form of every amount, date, credit code and served area, the rows that cannot be
 * used, and an amendment file (更正) restating some projects, saved after the ledger. Every choice is
 * drawn at the rate the spec's {@link Mess} gives its {@link MessKind}.
 */
final class LedgerPlanner {

    static final String AMENDMENT_SUFFIX = "_更正";
    /** Signed dates no contract of the year can have: {@link MessKind#IMPLAUSIBLE_DATES}. */
    static final List<String> IMPLAUSIBLE_DATES = List.of("0000-01-01", "1900-01-01", "9999-12-31");

    private final SimulationSpec spec;
    private final SimulatedDistrict district;
    private final Mess mess;
    private final Random random;

    LedgerPlanner(SimulationSpec spec, SimulatedDistrict district) {
        this.spec = spec;
        this.district = district;
        this.mess = spec.mess();
        this.random = spec.random("ledger-forms");
    }

    /** The ledger, then the amendment file when some contract is amended. */
    List<LedgerFile> plan(List<ServiceContract> contracts) {
        LedgerFile.Format format = format();
        String stem = district.name() + "_" + spec.year() + "年政府购买服务台账";
        String title = district.fullName() + spec.year() + "年政府购买服务台账";
        boolean wanHeader = mess.hits(MessKind.AMOUNT_FORMS, random);
        List<LedgerRow> rows = new ArrayList<>();
        for (ServiceContract contract : contracts) {
            rows.add(row(contract, wanHeader, true));
        }
        LocalDateTime ledgerSaved = LocalDate.of(spec.year(), 12, 31).atTime(17, 0);

        List<Integer> amendedAt = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            if (mess.hits(MessKind.AMENDMENT, random)) {
                amendedAt.add(i);
            }
        }
        boolean xlsx = format == LedgerFile.Format.XLSX;
        boolean groupHeadings = xlsx && mess.hits(MessKind.MULTI_ROW_HEADER, random);
        boolean twoSheets = xlsx && rows.size() > 1 && mess.hits(MessKind.LEDGER_SHEETS, random);
        if (amendedAt.isEmpty()) {
            return List.of(new LedgerFile(
                    stem + "." + format.extension(),
                    format,
                    title,
                    wanHeader,
                    ledgerSaved,
                    rows,
                    groupHeadings,
                    twoSheets));
        }
        String amendmentName = stem + AMENDMENT_SUFFIX + "." + format.extension();
        boolean amendmentWanHeader = mess.hits(MessKind.AMOUNT_FORMS, random);
        List<LedgerRow> amendments = new ArrayList<>();
        for (int i : amendedAt) {
            amendments.add(row(amend(contracts.get(i)), amendmentWanHeader, false));
            rows.set(i, rows.get(i).supersededBy(amendmentName));
        }
        LocalDateTime amendmentSaved =
                LocalDate.of(spec.year() + 1, 1, 5).plusDays(random.nextInt(80)).atTime(10, 0);
        return List.of(
                new LedgerFile(
                        stem + "." + format.extension(),
                        format,
                        title,
                        wanHeader,
                        ledgerSaved,
                        rows,
                        groupHeadings,
                        twoSheets),
                new LedgerFile(amendmentName, format, title + "（更正）", amendmentWanHeader, amendmentSaved, amendments));
    }

    private LedgerFile.Format format() {
        if (!mess.hits(MessKind.LEDGER_CSV, random)) {
            return LedgerFile.Format.XLSX;
        }
        List<LedgerFile.Format> csv =
                List.of(LedgerFile.Format.CSV_UTF8, LedgerFile.Format.CSV_UTF8_BOM, LedgerFile.Format.CSV_GBK);
        return csv.get(random.nextInt(csv.size()));
    }

    /** Every draw is made for every row, so one kind's rate does not shift another's. */
    private LedgerRow row(ServiceContract contract, boolean wanHeader, boolean mayBeBad) {
        AmountForm amountForm = mess.hits(MessKind.AMOUNT_FORMS, random)
                ? pick(AmountForm.MESSY)
                : wanHeader ? AmountForm.WAN_HEADER : AmountForm.PLAIN;
        DateForm dateForm = mess.hits(MessKind.DATE_FORMS, random) ? pick(DateForm.MESSY) : DateForm.ISO;
        CreditCodeForm creditForm =
                mess.hits(MessKind.CREDIT_CODE_FORMS, random) ? pick(CreditCodeForm.MESSY) : CreditCodeForm.PLAIN;
        boolean messyServed = mess.hits(MessKind.SERVED_FORMS, random);
        String separator = ServedForm.OTHER_SEPARATORS.get(random.nextInt(ServedForm.OTHER_SEPARATORS.size()));
        boolean bad = mess.hits(MessKind.BAD_LEDGER_ROW, random) && mayBeBad;
        boolean badCode = random.nextBoolean();
        // the kinds the pipeline was never shown draw nothing at rate 0: the demo's rows do not shift
        boolean novelCategory = mess.hits(MessKind.NOVEL_CATEGORIES, random)
                && !spec.novelties().serviceCategories().isEmpty();
        String implausible = mess.hits(MessKind.IMPLAUSIBLE_DATES, random) && mayBeBad && !bad
                ? IMPLAUSIBLE_DATES.get(random.nextInt(IMPLAUSIBLE_DATES.size()))
                : null;
        boolean conjunction = mess.hits(MessKind.SERVED_CONJUNCTIONS, random);
        if (novelCategory) {
            List<String> novel = spec.novelties().serviceCategories();
            contract = contract.withCategory(novel.get(random.nextInt(novel.size())));
        }

        String creditCode = contract.provider().creditCode();
        RejectRule rule = null;
        if (bad && badCode) {
            creditCode = ProviderFaker.spoil(creditCode, random);
            rule = RejectRule.INVALID_CREDIT_CODE;
        } else if (bad) {
            amountForm = AmountForm.PENDING;
            rule = RejectRule.INVALID_AMOUNT;
        }
        if (implausible != null) {
            rule = RejectRule.IMPLAUSIBLE_DATE;
        }
        ServedForm servedForm = servedForm(contract, messyServed);
        String served = served(contract, servedForm, separator);
        if (conjunction && contract.servedNames().size() > 1) {
            String word = ServedForm.CONJUNCTIONS.get(random.nextInt(ServedForm.CONJUNCTIONS.size()));
            // a name holding the word itself (和平社区) is joined by a slash, as a clerk would
            boolean clash = contract.servedNames().stream().anyMatch(n -> n.contains(word.strip()) && !word.isBlank());
            servedForm = ServedForm.CONJUNCTION;
            served = streetOf(contract.servedCodes().get(0)) + String.join(clash ? "／" : word, contract.servedNames());
        }
        return new LedgerRow(
                contract,
                creditForm.write(creditCode),
                creditForm,
                served,
                servedForm,
                amountForm,
                dateForm,
                rule,
                null,
                implausible,
                novelCategory);
    }

    /** The name of the street office the community belongs to. */
    private String streetOf(String communityCode) {
        return district.streets().stream()
                .filter(s ->
                        s.communities().stream().anyMatch(c -> c.code().value().equals(communityCode)))
                .map(SimulatedDistrict.Street::name)
                .findFirst()
                .orElseThrow();
    }

    private static ServedForm servedForm(ServiceContract contract, boolean messy) {
        return switch (contract.servedLevel()) {
            case "district" -> ServedForm.WHOLE_DISTRICT;
            case "township" -> messy ? ServedForm.STREET_COMMUNITIES : ServedForm.WHOLE_STREET;
            default -> messy && contract.servedNames().size() > 1 ? ServedForm.SEPARATOR : ServedForm.LIST;
        };
    }

    private static String served(ServiceContract contract, ServedForm form, String separator) {
        return switch (form) {
            case WHOLE_DISTRICT -> "全区";
            case WHOLE_STREET -> "全街道";
            case STREET_COMMUNITIES -> contract.streetName() + "各社区";
            case SEPARATOR -> String.join(separator, contract.servedNames());
            case LIST, CONJUNCTION -> String.join("、", contract.servedNames());
        };
    }

    /** Another amount (±5-30%, to the hundred yuan), another service end, or both. */
    private ServiceContract amend(ServiceContract original) {
        int change = random.nextInt(3);
        BigDecimal amount = original.amount();
        LocalDate end = original.serviceEnd();
        if (change != 1) {
            double factor = 1 + (random.nextBoolean() ? 1 : -1) * (0.05 + 0.25 * random.nextDouble());
            amount = original.amount()
                    .multiply(BigDecimal.valueOf(factor))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .multiply(BigDecimal.valueOf(100))
                    .setScale(2);
        }
        if (change != 0) {
            end = original.serviceEnd().plusMonths(1 + random.nextInt(6));
        }
        return original.amended(amount, end);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
