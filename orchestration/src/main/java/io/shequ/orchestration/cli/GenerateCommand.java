package io.shequ.orchestration.cli;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import io.shequ.schemas.home.OwnerOnly;
import io.shequ.simulator.GridConnection;
import io.shequ.simulator.Mess;
import io.shequ.simulator.MessKind;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code shequ generate}: writes simulated sources (street-office reports, procurement ledgers, a
 * grid-system database) for a district or a city of the NBS 2023 list, with their ground truth,
 * at a scale and a level of mess. The grid database goes to an H2 file under {@code --out}, whose
 * generated password goes to an owner-only file, never to the console; or to any JDBC URL given with
 * {@code --grid-url}, whose password is read from the environment variable {@code --grid-password-env}
 * names, so that it appears neither on the command line nor in a file.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write simulated sources for a district or a city, with the ground truth beside them.",
            "Scale 1 is about a real district's year: a report from every street office every month, "
                    + "about " + GenerateCommand.EVENTS_PER_COMMUNITY + " grid events per community and "
                    + GenerateCommand.CONTRACTS_PER_DISTRICT + " contracts per district.",
            "Deterministic for a seed. The folders street-offices/, procurement/, grid-system/ and "
                    + "ground-truth/ under --out are replaced."
        })
public final class GenerateCommand implements Callable<Integer> {

    static final int EVENTS_PER_COMMUNITY = 300;
    static final int CONTRACTS_PER_DISTRICT = 40;

    static final class Area {
        @Option(names = "--district", paramLabel = "CODE", description = "6-digit NBS district code, e.g. 370103")
        String district;

        @Option(
                names = "--city",
                paramLabel = "CODE",
                description = "4-digit NBS city code, e.g. 3701: every district with communities")
        String city;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Area area;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "the reporting year")
    int year;

    @Option(
            names = "--months",
            defaultValue = "12",
            paramLabel = "N",
            description = "reports for months 1..N (default: ${DEFAULT-VALUE})")
    int months;

    @Option(
            names = "--scale",
            defaultValue = "1",
            paramLabel = "S",
            description =
                    "multiplies grid events and contracts; a fraction such as 0.1 is allowed (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "N",
            description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--mess",
            defaultValue = "typical",
            paramLabel = "LEVEL",
            description = "none, light, typical or heavy (default: ${DEFAULT-VALUE})")
    String mess;

    @Option(
            names = "--mess-rate",
            paramLabel = "KIND=RATE",
            description = {
                "override one kind's rate (0-1), e.g. --mess-rate bad-value=0.1; repeatable.",
                "Report kinds: report-csv, quarterly-reports, identity-elsewhere, extra-sheet, header-aliases, "
                        + "resubmission, duplicate-file, unreadable-file, unidentifiable-file, full-width, "
                        + "thousands-separator, unit-in-cell, approximate, placeholder, name-variant, bad-value; "
                        + "an unknown kind lists all of them"
            })
    Map<String, String> messRates = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the output folder")
    Path out;

    @Option(
            names = "--grid-url",
            paramLabel = "URL",
            description = "write the grid-system database to this JDBC URL (its tables grid, event, event_flow are "
                    + "replaced) instead of the H2 file grid-system/grid.mv.db under --out")
    String gridUrl;

    @Option(
            names = "--grid-user",
            paramLabel = "USER",
            description = "the user for --grid-url (allowed to create tables)")
    String gridUser;

    @Option(
            names = "--grid-password-env",
            paramLabel = "VAR",
            description = "the environment variable holding the password for --grid-url (never on the command line)")
    String gridPasswordEnv;

    /** Looks up environment variables; tests replace it. */
    private final Function<String, String> environment;

    public GenerateCommand() {
        this(System::getenv);
    }

    GenerateCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GridConnection grid = gridConnection();
        SimulationSpec template = new SimulationSpec(
                districtOrTemplate(),
                year(),
                seed,
                months(),
                (int) Math.round(EVENTS_PER_COMMUNITY * scale()),
                (int) Math.round(CONTRACTS_PER_DISTRICT * scale()),
                mess());
        Path folder = out.toAbsolutePath().normalize();
        PrintWriter console = spec.commandLine().getOut();
        String what = area.city != null ? "city " + area.city : "district " + area.district;
        console.println("generating " + what + " " + year + " (" + months + " months, scale " + scale + ", seed " + seed
                + ", mess " + mess.toLowerCase(Locale.ROOT) + ") into " + folder);
        SimulationResult result = area.city != null
                ? SourceSimulator.generateCity(code(area.city, "--city", DivisionLevel.CITY), template, folder, grid)
                : SourceSimulator.generate(template, folder, grid);
        String password = grid == null
                ? "is in " + writePassword(folder, result) + " (readable by you only; keep it out of version control)"
                : gridPasswordEnv == null ? "was not given" : "came from the environment variable " + gridPasswordEnv;
        SampleSummary.of(result.groundTruthFolder()).print(result, password, console);
        console.flush();
        return 0;
    }

    /** The grid database named by {@code --grid-url}, or null for the H2 file under {@code --out}. */
    private GridConnection gridConnection() {
        if (gridUrl == null) {
            if (gridUser != null || gridPasswordEnv != null) {
                throw usage("--grid-user and --grid-password-env need --grid-url");
            }
            return null;
        }
        if (!gridUrl.startsWith("jdbc:")) {
            throw usage("--grid-url needs a JDBC URL starting with jdbc:, got '" + gridUrl + "'");
        }
        String password = "";
        if (gridPasswordEnv != null) {
            password = environment.apply(gridPasswordEnv);
            if (password == null || password.isEmpty()) {
                throw usage("--grid-password-env: the environment variable " + gridPasswordEnv + " is not set");
            }
        }
        return new GridConnection(gridUrl, gridUser, password);
    }

    /** The grid password in {@code <out>/grid-system/password}, readable by the owner only. */
    private static Path writePassword(Path folder, SimulationResult result) throws IOException {
        Path dir = OwnerOnly.createDirectories(folder.resolve("grid-system"));
        Path file = dir.resolve("password");
        Files.deleteIfExists(file);
        OwnerOnly.writeString(file, result.gridPassword() + "\n");
        return file;
    }

    private DivisionCode districtOrTemplate() {
        if (area.district != null) {
            return code(area.district, "--district", DivisionLevel.DISTRICT);
        }
        DivisionCode city = code(area.city, "--city", DivisionLevel.CITY);
        return DivisionCode.parse(city.shortForm() + "01"); // a template only: each district of the city replaces it
    }

    private DivisionCode code(String text, String option, DivisionLevel level) {
        int digits = level.significantDigits();
        if (text == null || !text.strip().matches("\\d{" + digits + "}")) {
            throw usage(option + " needs a " + digits + "-digit NBS "
                    + level.name().toLowerCase(Locale.ROOT) + " code, got '" + text + "'");
        }
        DivisionCode code = DivisionCode.parse(text.strip());
        if (code.level() != level) {
            throw usage(option + " needs a " + level.name().toLowerCase(Locale.ROOT) + " code, got " + text);
        }
        return code;
    }

    private int year() {
        if (year < 2000 || year > 2100) {
            throw usage("--year must be within 2000-2100, got " + year);
        }
        return year;
    }

    private int months() {
        if (months < 1 || months > 12) {
            throw usage("--months must be 1-12, got " + months);
        }
        return months;
    }

    private double scale() {
        if (!(scale > 0) || scale > 1000) {
            throw usage("--scale must be above 0 (at most 1000), got " + scale);
        }
        return scale;
    }

    private Mess mess() {
        Mess.Level level;
        try {
            level = Mess.Level.valueOf(mess.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--mess must be one of "
                    + Arrays.stream(Mess.Level.values())
                            .map(l -> l.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))
                    + ", got '" + mess + "'");
        }
        Mess result = Mess.level(level);
        for (Map.Entry<String, String> rate : messRates.entrySet()) {
            MessKind kind;
            try {
                kind = MessKind.ofOption(rate.getKey());
            } catch (IllegalArgumentException e) {
                throw usage("--mess-rate: unknown kind '" + rate.getKey() + "'; one of "
                        + Arrays.stream(MessKind.values()).map(MessKind::option).collect(Collectors.joining(", ")));
            }
            double value;
            try {
                value = Double.parseDouble(rate.getValue());
            } catch (NumberFormatException e) {
                throw usage(
                        "--mess-rate " + rate.getKey() + " needs a number within 0..1, got '" + rate.getValue() + "'");
            }
            if (!(value >= 0 && value <= 1)) {
                throw usage("--mess-rate " + rate.getKey() + " must be within 0..1, got " + rate.getValue());
            }
            result = result.with(kind, value);
        }
        return result;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
