package io.shequ.jobs.conform;

import io.shequ.schemas.text.TypedText;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a ledger's 服务社区 text: 全区 (the district), 全街道 or XX街道各社区 (that street, at
 * township level; the purchasing street office when the text names none), or a list of
 * communities split on punctuation, spaces and (where the pieces resolve) conjunctions, each
 * resolved like a report's community name, within the purchasing street office first
 * ({@link ServedCommunities}). One part that cannot be resolved quarantines the whole row,
 * with that part, the reason and its candidates: never a guess.
 */
final class ServedDivisions {

    private static final Pattern WHOLE_DISTRICT = Pattern.compile("全区|全区范围|全县|全旗|辖区内?全部社区|全区各社区");
    private static final Pattern WHOLE_STREET = Pattern.compile("(.*?)(全街道|全镇|全乡)(范围)?");
    private static final Pattern STREET_COMMUNITIES =
            Pattern.compile("(.+?(?:街道办事处|街道办|街道|镇|乡))(?:辖区)?(?:各|所有|全部)(?:社区|村居|村|社区居委会)");
    /** A purchaser that is a street office or town government, not a district bureau (民政局). */
    private static final Pattern STREET_OFFICE = Pattern.compile("街道|办事处|镇|乡");

    private final DivisionResolver resolver;

    ServedDivisions(DivisionResolver resolver) {
        this.resolver = resolver;
    }

    Served resolve(String servedText, String purchaser, String title) {
        String text = TypedText.compact(servedText);
        if (text == null || text.isEmpty()) {
            return Served.failed("服务社区 is empty", null);
        }
        Resolution purchasingStreet = purchaser != null
                        && STREET_OFFICE.matcher(TypedText.compact(purchaser)).find()
                ? resolver.street(purchaser)
                : Resolution.unknown("the purchaser is not a street office", List.of());
        Resolution district = district(title, purchaser, purchasingStreet);
        if (!district.resolved()) {
            return Served.failed(district.reason(), district);
        }
        if (WHOLE_DISTRICT.matcher(text).matches()) {
            return Served.resolved(List.of(district.code()), "district", "whole_district", Resolution.Method.EXACT);
        }
        Matcher whole = WHOLE_STREET.matcher(text);
        Matcher each = STREET_COMMUNITIES.matcher(text);
        if (whole.matches() || each.matches()) {
            String hint = whole.matches() ? whole.group(1) : each.group(1);
            Resolution street =
                    hint.isEmpty() ? purchasingStreet : resolver.street(hint, resolver.nameOf(district.code()));
            return street.resolved()
                    ? Served.resolved(List.of(street.code()), "township", "whole_street", street.method())
                    : Served.failed("服务社区 '" + servedText + "': " + street.reason(), street);
        }
        String streetCode = purchasingStreet.resolved() ? purchasingStreet.code() : null;
        ServedCommunities.Outcome parts =
                new ServedCommunities(resolver, district.code(), streetCode).resolve(servedText);
        if (parts.failure() != null) {
            return Served.failed(
                    "服务社区 part '" + parts.failedPart() + "': " + parts.failure().reason(), parts.failure());
        }
        TreeSet<String> codes = new TreeSet<>();
        Resolution.Method weakest = Resolution.Method.EXACT;
        for (Resolution part : parts.parts()) {
            codes.add(part.code());
            weakest = weakest.compareTo(part.method()) >= 0 ? weakest : part.method();
        }
        return codes.isEmpty()
                ? Served.failed("服务社区 names no community", null)
                : Served.resolved(List.copyOf(codes), "village", "equal_split", weakest);
    }

    /** The district the title or purchaser names, else the purchasing street's, else the only one configured. */
    private Resolution district(String title, String purchaser, Resolution purchasingStreet) {
        Resolution byTitle = resolver.district(title);
        if (byTitle.resolved()) {
            return byTitle;
        }
        Resolution byPurchaser = resolver.district(purchaser);
        if (byPurchaser.resolved()) {
            return byPurchaser;
        }
        if (purchasingStreet.resolved()) {
            return Resolution.of(purchasingStreet.code().substring(0, 6) + "000000", purchasingStreet.method());
        }
        return byTitle;
    }
}
