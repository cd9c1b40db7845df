package io.shequ.warehouse;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that read the warehouse published from the {@linkplain TestLake#standard()
 * fixture lake}: built once per test class into a temporary home, read through one reader.
 */
abstract class PublishedFixtureTest {

    @TempDir
    static Path home;

    static WarehouseReader reader;

    @BeforeAll
    static void publishFixture() throws Exception {
        TestLake.publishStandard(home);
        reader = WarehouseReader.open(home);
    }

    @AfterAll
    static void closeReader() {
        reader.close();
    }
}
