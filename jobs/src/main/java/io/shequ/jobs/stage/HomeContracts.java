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
     * The bundled contract {@code bundled} ({@link SourceContract#STREET_OFFICE_REPORT} …), or the
     * home's copy of the same file name ({@code <home>/contracts/street-office-report.yml}) when
     * it holds one.
     */
    public SourceContract load(String bundled) {
        Path user = folder.resolve(Path.of(bundled).getFileName().toString());
        return Files.isRegularFile(user) ? SourceContract.load(user) : SourceContract.load(bundled);
    }
}
