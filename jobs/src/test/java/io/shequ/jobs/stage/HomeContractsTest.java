package io.shequ.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.schemas.contract.SourceContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home's copy of a bundled contract, under the bundled file's own name, wins over it; without one the bundled one is read. */
class HomeContractsTest {

    @TempDir
    Path home;

    @Test
    void theHomesCopyOfEachBundledContractWins() throws Exception {
        for (String bundled : List.of(SourceContract.STREET_OFFICE_REPORT, SourceContract.PROCUREMENT_LEDGER)) {
            HomeContracts contracts = new HomeContracts(home);
            SourceContract shipped = contracts.load(bundled);
            assertThat(shipped).isEqualTo(SourceContract.load(bundled));

            String text = new String(
                    getClass().getClassLoader().getResourceAsStream(bundled).readAllBytes(), StandardCharsets.UTF_8);
            Path copy = home.resolve(bundled); // <home>/contracts/<file name>
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, text.replace("name: " + shipped.name(), "name: " + shipped.name() + "-local"));
            assertThat(contracts.load(bundled).name())
                    .as("the home's %s is read", copy.getFileName())
                    .isEqualTo(shipped.name() + "-local");
        }
    }
}
