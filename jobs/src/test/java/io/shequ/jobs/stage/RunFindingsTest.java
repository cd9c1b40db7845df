package io.shequ.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shequ.jobs.run.LedgerFixture;
import io.shequ.jobs.run.LedgerSection;
import io.shequ.jobs.run.RunLedger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFindingsTest {

    @TempDir
    Path run;

    @Test
    void findingsWrittenToTheRunLedgerReadBack() throws Exception {
        SourceFinding finding = new SourceFinding(
                SourceFinding.SHEET_WITHOUT_TABLE,
                "street_office_reports",
                "a.xlsx",
                null,
                null,
                "填表说明",
                null,
                null,
                "a.xlsx: sheet '填表说明' lacks community_name; its rows are not read");
        LedgerFixture.put(new RunLedger(run), LedgerSection.SOURCE_FINDINGS, List.of(finding));

        assertThat(RunFindings.read(run))
                .as("the derived note flag is not a field that breaks reading")
                .containsExactly(finding);
        assertThat(RunFindings.latestStaged(run.getParent())).contains(run);
    }
}
