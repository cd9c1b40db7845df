package io.shequ.jobs.admit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP's CSV-injection escape, made reversible: what is quoted on export is unquoted exactly on re-admission. */
class FormulaGuardTest {

    static final List<String> PAYLOADS = List.of(
            "=HYPERLINK(\"http://x\",\"c\")",
            "=DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1");

    @Test
    void formulaLeadingCellsGetOneQuote() {
        for (String payload : PAYLOADS) {
            assertThat(FormulaGuard.escape(payload)).as("escaped %s", payload).isEqualTo("'" + payload);
        }
        assertThat(FormulaGuard.escape("-5"))
                .as("a negative number is quoted too: a spreadsheet would compute it")
                .isEqualTo("'-5");
    }

    @Test
    void aCellAlreadyStartingWithAQuoteIsQuotedSoTheEscapeStaysUnambiguous() {
        assertThat(FormulaGuard.escape("'abc")).isEqualTo("''abc");
        assertThat(FormulaGuard.escape("'=1+1")).isEqualTo("''=1+1");
        assertThat(FormulaGuard.escape("'")).isEqualTo("''");
    }

    @Test
    void harmlessCellsStayAsTheyAre() {
        for (String cell : List.of("", "六里山社区", "0012", "12-3", "a=b", " =1", "52370103MJD000000X")) {
            assertThat(FormulaGuard.escape(cell)).as("%s", cell).isEqualTo(cell);
        }
        assertThat(FormulaGuard.escape(null)).isNull();
    }

    @Test
    void everyCellRoundTripsExactly() {
        List<String> cells = new ArrayList<>(PAYLOADS);
        cells.addAll(List.of("-5", "'abc", "''abc", "'-5", "'", "''", "'=x", "abc", "", "0012", "+", "=", "-"));
        for (String cell : cells) {
            assertThat(FormulaGuard.unescape(FormulaGuard.escape(cell)))
                    .as("round trip of %s", cell)
                    .isEqualTo(cell);
        }
    }

    @Test
    void readingBackStripsOneQuoteOnlyBeforeAFormulaCharacterOrAQuote() {
        assertThat(FormulaGuard.unescape("-5"))
                .as("typed by hand without the quote")
                .isEqualTo("-5");
        assertThat(FormulaGuard.unescape("'abc"))
                .as("a quote before a letter is the value's own")
                .isEqualTo("'abc");
        assertThat(FormulaGuard.unescape("'")).isEqualTo("'");
        assertThat(FormulaGuard.unescape("'''=x")).as("exactly one quote").isEqualTo("''=x");
    }
}
