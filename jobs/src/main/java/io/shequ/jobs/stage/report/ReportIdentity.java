package io.shequ.jobs.stage.report;

import io.shequ.schemas.contract.RejectRule;
import io.shequ.schemas.period.ReportPeriod;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which street office and period a report is about, read from what the file itself says, as
 * offices really send them: the file name (先锋路街道_2023年01月社区工作月报.xlsx), the title row
 * (青山区先锋路街道2023年1月社区工作月报表), or the folder it sits in (先锋路街道/2023-01.csv).
 * The street is kept as a hint; matching it to an official unit is conform's job. A title may
 * also name the district before the street (济南市市中区舜玉路街道…): that is kept as a district
 * hint, null when the title names none.
 */
public record ReportIdentity(String streetHint, String districtHint, ReportPeriod period) {

    private static final Pattern STREET = Pattern.compile("(\\p{IsHan}{1,20}?(?:街道办事处|街道办|街道|镇|乡))");
    /** Periods, digits and punctuation split a text into the runs of words a street name may sit in. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "\\d{4}年度?(?:第?[一二三四1-4]季度|\\d{1,2}(?:[-~至到]\\d{1,2})?月份?)?|[\\d\\p{Punct}\\s_（）()【】《》，。、：；]+");
    /**
     * An optional city (two or more characters before 市, so that 市中区 is not read as a city),
     * then a district of up to six characters ending in 区, 县 or 旗, directly before a street name.
     */
    private static final Pattern DISTRICT = Pattern.compile(
            "^(?:[\\p{IsHan}]{1,8}?省)?(?:[\\p{IsHan}]{2,8}?市)?([\\p{IsHan}]{1,6}?(?:区|县|旗))[\\p{IsHan}\\w]{1,20}?(?:街道办事处|街道办|街道|镇|乡)");

    /** Thrown when the street or the period cannot be told; the message says which. */
    public static final class Unknown extends Exception {
        private final RejectRule rule;

        public Unknown(RejectRule rule, String message) {
            super(message);
            this.rule = rule;
        }

        public RejectRule rule() {
            return rule;
        }
    }

    /**
     * @param location the file's path relative to its source folder, with forward slashes
     * @param title    the text above the header row, possibly empty
     */
    public static ReportIdentity of(String location, String title) throws Unknown {
        String[] parts = location.split("/");
        String fileName = parts[parts.length - 1];
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String folders = String.join("/", Arrays.copyOf(parts, parts.length - 1));

        Optional<String> street = street(stem.contains("_") ? stem.substring(0, stem.indexOf('_')) : stem)
                .or(() -> street(title))
                .or(() -> street(folders));
        for (String text : new String[] {stem, title, folders}) {
            Optional<String> impossible = ReportPeriod.impossibleDay(text);
            if (impossible.isPresent()) {
                throw new Unknown(
                        RejectRule.UNKNOWN_PERIOD,
                        "'" + impossible.get() + "' in the file name, title or folder "
                                + "is no day of the calendar: the reporting period cannot be told");
            }
        }
        Optional<ReportPeriod> period =
                ReportPeriod.find(stem).or(() -> ReportPeriod.find(title)).or(() -> ReportPeriod.find(folders));
        if (street.isEmpty() && period.isEmpty()) {
            throw new Unknown(
                    RejectRule.UNKNOWN_STREET_OFFICE,
                    "neither the street office nor the period can be told from the file name, title or folder");
        }
        if (street.isEmpty()) {
            throw new Unknown(
                    RejectRule.UNKNOWN_STREET_OFFICE,
                    "the street office cannot be told from the file name, title or folder");
        }
        if (period.isEmpty()) {
            throw new Unknown(
                    RejectRule.UNKNOWN_PERIOD,
                    "the reporting period cannot be told from the file name, title or folder");
        }
        return new ReportIdentity(street.get(), district(title).orElse(null), period.get());
    }

    /** The district a title names before its street office, if any. */
    static Optional<String> district(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        for (String words : NOT_A_NAME.matcher(title).replaceAll("|").split("\\|")) {
            Matcher m = DISTRICT.matcher(words);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> street(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (String words : NOT_A_NAME.matcher(text).replaceAll("|").split("\\|")) {
            Matcher m = STREET.matcher(words);
            if (m.find()) {
                // 青山区先锋路街道 names the street 先锋路街道: the district before it is not part of its name
                String street = m.group(1);
                Matcher district = DISTRICT.matcher(street);
                return Optional.of(district.find() ? street.substring(district.end(1)) : street);
            }
        }
        return Optional.empty();
    }
}
