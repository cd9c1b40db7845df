package io.shequ.jobs.pipeline.steps;

import io.shequ.jobs.admit.QuarantineRows;
import io.shequ.jobs.admit.ReadmissionAccounting;
import io.shequ.jobs.admit.StagedCorrections;
import io.shequ.jobs.extract.LandingManifest;
import io.shequ.jobs.run.HomeLayout;
import io.shequ.jobs.run.RunLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The check step's last word on re-admission: a corrected row is re-admitted only when neither
 * staging nor the check step's row rules quarantined it in this run. Writes the run summary's
 * {@code readmission} section and each admit file's landing-manifest row.
 */
final class ReadmissionAfterCheck {

    private final HomeLayout layout;
    private final LandingManifest manifest;

    ReadmissionAfterCheck(HomeLayout layout, LandingManifest manifest) {
        this.layout = layout;
        this.manifest = manifest;
    }

    void account(String runId, boolean blocked) {
        RunLedger ledger = new RunLedger(layout, runId);
        Optional<StagedCorrections> stagedSection = StagedCorrections.LEDGER.read(ledger);
        if (stagedSection.isEmpty()) {
            return;
        }
        StagedCorrections staged = stagedSection.get();
        Set<String> quarantined = new HashSet<>();
        new QuarantineRows(layout).ofRun(runId, null).forEach(r -> quarantined.add(r.quarantineId()));
        List<ReadmissionAccounting.AdmitFileAccount> admitFiles = new ArrayList<>();
        ReadmissionAccounting.LEDGER.write(
                ledger, new ReadmissionAccounting(layout, runId).finish(staged, quarantined, blocked, admitFiles));
        for (ReadmissionAccounting.AdmitFileAccount f : admitFiles) {
            manifest.recordAccounted(runId, f.done().toString(), f.sha256(), f.bytes(), f.account());
        }
    }
}
