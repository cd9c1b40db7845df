package io.shequ.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {

    @TempDir
    Path run;

    @Test
    void eachSectionIsItsOwnOwnerOnlyFileAndReadsBackAsWritten() throws Exception {
        RunLedger ledger = new RunLedger(run);
        assertThat(ledger.exists()).isFalse();
        assertThat(ledger.get(LedgerSection.SOURCES)).isNull();

        ledger.put(LedgerSection.SOURCES, Map.of("rows", 12));
        ledger.put(LedgerSection.VALUE_ACCOUNTING, List.of(Map.of("field", "households", "read", 46255)));
        Path sources = run.resolve("ledger").resolve("sources.json");
        byte[] before = Files.readAllBytes(sources);
        ledger.put(LedgerSection.VALUE_ACCOUNTING, List.of(Map.of("field", "households", "read", 46000)));

        assertThat(ledger.exists()).isTrue();
        assertThat(ledger.has(LedgerSection.SOURCES)).isTrue();
        assertThat(ledger.has(LedgerSection.LAKE)).isFalse();
        assertThat(ledger.get(LedgerSection.SOURCES).path("rows").asInt()).isEqualTo(12);
        assertThat(ledger.get(LedgerSection.VALUE_ACCOUNTING)
                        .get(0)
                        .path("read")
                        .asInt())
                .as("a put replaces its section")
                .isEqualTo(46000);
        assertThat(Files.readAllBytes(sources))
                .as("writing one section leaves the others' files alone")
                .isEqualTo(before);
        ObjectNode all = new RunLedger(run).read();
        assertThat(all.fieldNames()).toIterable().containsExactly("sources", "value_accounting");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sources)))
                .isEqualTo("rw-------");
        assertThat(run.resolve("ledger")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void everySectionHasItsOwnPlainFileName() {
        Set<String> keys = new HashSet<>();
        for (LedgerSection section : LedgerSection.values()) {
            assertThat(section.key()).as("%s", section).matches("[a-z_]+");
            assertThat(keys.add(section.key()))
                    .as("%s names its own file", section)
                    .isTrue();
        }
    }

    @Test
    void aRunOfAnEarlierVersionIsReadFromItsSingleLedgerFile() throws Exception {
        RunLedger.JSON.writeValue(run.resolve("ledger.json").toFile(), Map.of("lake", Map.of("tables", 9)));

        RunLedger ledger = new RunLedger(run);
        assertThat(ledger.exists()).isTrue();
        assertThat(ledger.has(LedgerSection.LAKE)).isTrue();
        assertThat(ledger.get(LedgerSection.LAKE).path("tables").asInt()).isEqualTo(9);
        assertThat(ledger.read().has(LedgerSection.LAKE.key())).isTrue();
    }
}
