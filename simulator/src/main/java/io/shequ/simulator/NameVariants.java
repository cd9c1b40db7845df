package io.shequ.simulator;

import io.shequ.schemas.division.Division;
import io.shequ.schemas.division.DivisionKind;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;

/** How people write the names of divisions: short community names and pinyin initials. */
final class NameVariants {

    /** Longest first, so 社区居民委员会 is stripped whole rather than as 居民委员会. */
    private static final List<String> SUFFIXES = List.of("社区居民委员会", "社区居委会", "居民委员会", "居委会", "村民委员会", "村委会", "社区", "村");

    /** GB2312 level-1 characters are ordered by pinyin: the first code of each initial. */
    private static final int[] GB2312_STARTS = {
        0xB0A1, 0xB0C5, 0xB2C1, 0xB4EE, 0xB6EA, 0xB7A2, 0xB8C1, 0xB9FE, 0xBBF7, 0xBFA6, 0xC0AC, 0xC2E8, 0xC4C3, 0xC5B6,
        0xC5BE, 0xC6DA, 0xC8BB, 0xC8F6, 0xCBFA, 0xCDDA, 0xCEF4, 0xD1B9, 0xD4D1
    };

    private static final String INITIALS = "ABCDEFGHJKLMNOPQRSTWXYZ";
    private static final int GB2312_LEVEL1_END = 0xD7F9;

    private NameVariants() {}

    /** The name without its committee suffix: 乐山小区社区居民委员会 → 乐山小区, 家窝坡村村民委员会 → 家窝坡. */
    static String core(String officialName) {
        String core = officialName;
        for (String suffix : SUFFIXES) {
            if (core.endsWith(suffix) && core.length() > suffix.length()) {
                core = core.substring(0, core.length() - suffix.length());
                break;
            }
        }
        // 家窝坡村村民委员会: the village is 家窝坡村, written 家窝坡村 and not 家窝坡村村
        if (core.endsWith("村")
                && core.length() > 2
                && (officialName.endsWith("村民委员会") || officialName.endsWith("村委会"))) {
            core = core.substring(0, core.length() - 1);
        }
        return core;
    }

    /** The short name a report writes: {@code <core>社区} or, for a villagers' committee, {@code <core>村}. */
    static String shortName(Division unit) {
        String suffix = unit.kind() == DivisionKind.VILLAGERS_COMMITTEE ? "村" : "社区";
        return core(unit.name()) + suffix;
    }

    /** The short name mostly, the full official name in about one row in six. */
    static String written(Division unit, Random random) {
        return random.nextDouble() < 0.17 ? unit.name() : shortName(unit);
    }

    /**
     * A looser spelling, as offices type them: another committee suffix (社区, 居委会, 社区居委会,
     * 社区居民委员会; 村, 村委会, 村民委员会), the street's name in front, or stray spaces.
     */
    static String variant(Division unit, String streetName, Random random) {
        String core = core(unit.name());
        List<String> suffixes = unit.kind() == DivisionKind.VILLAGERS_COMMITTEE
                ? List.of("村", "村委会", "村民委员会")
                : List.of("社区", "居委会", "社区居委会", "社区居民委员会");
        String named = core + suffixes.get(random.nextInt(suffixes.size()));
        return switch (random.nextInt(4)) {
            case 0 -> named;
            case 1 -> streetName + named;
            case 2 -> core.length() > 1 ? core.charAt(0) + " " + core.substring(1) + suffixes.get(0) : " " + named;
            default -> named + " ";
        };
    }

    /** A district abbreviation from pinyin initials, 市中区 → SZ. */
    static String abbreviation(String districtName) {
        String stem = districtName.length() > 2 && districtName.matches(".*[区县市旗]$")
                ? districtName.substring(0, districtName.length() - 1)
                : districtName;
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < stem.length(); i++) {
            initials.append(initial(stem.charAt(i)));
        }
        return initials.toString();
    }

    private static char initial(char hanzi) {
        try {
            ByteBuffer bytes = Charset.forName("GB2312").newEncoder().encode(CharBuffer.wrap(new char[] {hanzi}));
            if (bytes.remaining() == 2) {
                int code = (bytes.get(0) & 0xFF) << 8 | (bytes.get(1) & 0xFF);
                if (code >= GB2312_STARTS[0] && code < GB2312_LEVEL1_END) {
                    for (int i = GB2312_STARTS.length - 1; i >= 0; i--) {
                        if (code >= GB2312_STARTS[i]) {
                            return INITIALS.charAt(i);
                        }
                    }
                }
            }
        } catch (CharacterCodingException e) {
            // a rare character: fall through
        }
        return Character.isLetterOrDigit(hanzi) && hanzi < 128 ? Character.toUpperCase(hanzi) : 'X';
    }
}
