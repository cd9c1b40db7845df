package io.shequ.orchestration.cli;

import io.shequ.jobs.run.ExitCodes;
import io.shequ.warehouse.serve.Role;
import io.shequ.warehouse.serve.ServeUser;
import io.shequ.warehouse.serve.ServeUsers;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manages the logins of the Flight SQL server: add, list, remove.")
public final class ServeUserCommand {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description =
                    "Adds a user (or sets its password and role); the password is asked on the terminal"
                            + " (or read as one line from standard input when that is not a terminal) and stored as an Argon2id hash.")
    int add(
            @Parameters(paramLabel = "NAME", description = "the user name") String name,
            @Option(
                            names = "--role",
                            required = true,
                            description = "analyst (the published model) or engineer (also lake.* and int_*)")
                    String role,
            @Option(
                            names = "--home",
                            defaultValue = "shequ-home",
                            description = "the Shequ home (default: ${DEFAULT-VALUE})")
                    Path home,
            @Option(names = "--users", description = "the users file (default: <home>/secrets/serve-users)") Path users)
            throws IOException {
        Path file = usersFile(home, users);
        char[] password = null;
        try {
            Role parsed = Role.of(role);
            password = readPassword(name);
            ServeUser user = ServeUsers.read(file).put(name, parsed, password);
            System.out.println("user " + user.name() + " (" + user.role() + ") saved in " + file);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("shequ serve user add: " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the users and their roles (never their hashes).")
    int list(
            @Option(
                            names = "--home",
                            defaultValue = "shequ-home",
                            description = "the Shequ home (default: ${DEFAULT-VALUE})")
                    Path home,
            @Option(names = "--users", description = "the users file (default: <home>/secrets/serve-users)") Path users)
            throws IOException {
        Path file = usersFile(home, users);
        try {
            List<ServeUser> all = ServeUsers.read(file).all();
            if (all.isEmpty()) {
                System.out.println("no users in " + file + " (./shequ serve user add NAME --role analyst|engineer)");
            }
            for (ServeUser user : all) {
                System.out.println(user.name() + "\t" + user.role());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("shequ serve user list: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes a user; a running server refuses its next login and its next query.")
    int remove(
            @Parameters(paramLabel = "NAME", description = "the user name") String name,
            @Option(
                            names = "--home",
                            defaultValue = "shequ-home",
                            description = "the Shequ home (default: ${DEFAULT-VALUE})")
                    Path home,
            @Option(names = "--users", description = "the users file (default: <home>/secrets/serve-users)") Path users)
            throws IOException {
        Path file = usersFile(home, users);
        try {
            if (!ServeUsers.read(file).remove(name)) {
                System.err.println("shequ serve user remove: no user '" + name + "' in " + file);
                return ExitCodes.FAILURE;
            }
            System.out.println("user " + name + " removed from " + file);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("shequ serve user remove: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static Path usersFile(Path home, Path users) {
        return users != null
                ? users
                : ServeUsers.defaultFile(home.toAbsolutePath().normalize());
    }

    private static char[] readPassword(String name) throws IOException {
        Console console = System.console();
        if (console == null) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line.toCharArray();
        }
        char[] first = console.readPassword("password for %s: ", name);
        char[] again = console.readPassword("again: ");
        if (first == null || !Arrays.equals(first, again)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        Arrays.fill(again, '\0');
        return first;
    }
}
