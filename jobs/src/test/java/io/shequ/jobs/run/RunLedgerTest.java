package io.shequ.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {

    @TempDir
    Path run;

    @Test
    void eachSectionIsItsOwnOwnerOnlyFileAndReadsBackAsWritten() throws Exception {
        RunLedger ledger = new RunLedger(run);
        assertThat(ledger.exists()).isFalse();
        assertThat(ledger.get("sources")).isNull();

        ledger.put("sources", Map.of("rows", 12));
        ledger.put("value_accounting", List.of(Map.of("field", "households", "read", 46255)));
        Path sources = run.resolve("ledger").resolve("sources.json");
        byte[] before = Files.readAllBytes(sources);
        ledger.put("value_accounting", List.of(Map.of("field", "households", "read", 46000)));

        assertThat(ledger.exists()).isTrue();
        assertThat(ledger.has("sources")).isTrue();
        assertThat(ledger.has("lake")).isFalse();
        assertThat(ledger.get("sources").path("rows").asInt()).isEqualTo(12);
        assertThat(ledger.get("value_accounting").get(0).path("read").asInt())
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
    void aSectionNameThatIsNotAPlainFileNameIsRefused() {
        assertThatThrownBy(() -> new RunLedger(run).put("../summary", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunOfAnEarlierVersionIsReadFromItsSingleLedgerFile() throws Exception {
        RunLedger.JSON.writeValue(run.resolve("ledger.json").toFile(), Map.of("lake", Map.of("tables", 9)));

        RunLedger ledger = new RunLedger(run);
        assertThat(ledger.exists()).isTrue();
        assertThat(ledger.has("lake")).isTrue();
        assertThat(ledger.get("lake").path("tables").asInt()).isEqualTo(9);
        assertThat(ledger.read().has("lake")).isTrue();
    }
}
