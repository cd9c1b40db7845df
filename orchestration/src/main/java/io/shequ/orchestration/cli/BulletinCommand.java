package io.shequ.orchestration.cli;

import io.shequ.warehouse.WarehouseReader;
import io.shequ.warehouse.bulletin.Bulletins;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the statistical bulletin of one division and year from the published warehouse:
 * {@code index.html} with its assets beside it, readable offline. Each publish also writes it
 * into {@code <home>/warehouse/bulletin/<year>/<division>/}.
 */
@Command(
        name = "bulletin",
        mixinStandardHelpOptions = true,
        description =
                "Write the statistical bulletin (index.html and its assets) of a division and year from the published warehouse.")
public final class BulletinCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = "shequ-home", description = "the Shequ home (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--year", required = true, description = "YYYY")
    int year;

    @Option(
            names = "--division",
            description =
                    "12-digit (or 6-digit) code of a city or district (default: the district the warehouse publishes, or its city)")
    String division;

    @Option(
            names = "--out",
            description = "folder to write into (default: <home>/warehouse/bulletin/<year>/<division>)")
    Path out;

    @Override
    public Integer call() {
        Path root = home.toAbsolutePath().normalize();
        try (WarehouseReader reader = WarehouseReader.open(root)) {
            String code = division != null ? (division + "000000000000").substring(0, 12) : publishedDivision(reader);
            Path folder = out != null ? out.toAbsolutePath().normalize() : Bulletins.folder(root, year, code);
            Path page = Bulletins.write(reader, code, year, folder);
            System.out.println("wrote " + page);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** The only district the warehouse publishes, or else its only city. */
    private String publishedDivision(WarehouseReader reader) {
        for (String level : new String[] {"district", "city"}) {
            var codes = reader.indicators(level, year).stream()
                    .map(v -> v.divisionCode())
                    .distinct()
                    .toList();
            if (codes.size() == 1) {
                return codes.get(0);
            }
        }
        throw new IllegalArgumentException(
                "the warehouse publishes several districts in " + year + ": choose one with --division");
    }
}
