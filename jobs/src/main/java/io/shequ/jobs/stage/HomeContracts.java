package io.shequ.jobs.stage;

import io.shequ.schemas.contract.SourceContract;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source contracts a run stages with: a user's copy in {@code <home>/contracts/} wins over
 * the bundled one, so an office's new header spelling is added by editing a YAML file, without
 * rebuilding Shequ.
 */
public final class HomeContracts {

    private final Path folder;

    public HomeContracts(Path home) {
        this.folder = home.resolve("contracts");
    }

    /**
     * The contract called {@code fileName} (street-office-report.yml) from the home's contracts
     * folder when it holds one, else the bundled resource {@code bundled}.
     */
    public SourceContract load(String fileName, String bundled) {
        Path user = folder.resolve(fileName);
        return Files.isRegularFile(user) ? SourceContract.load(user) : SourceContract.load(bundled);
    }
}
