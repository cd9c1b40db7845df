package io.shequ.warehouse.serve;

import io.shequ.schemas.home.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users file of the Flight SQL server, {@code <home>/secrets/serve-users} by default: one
 * {@code name:role:argon2-hash} a line, {@code #} comments. Owner-only, like every secret of the home.
 */
public final class ServeUsers {

    private final Path file;
    private final Map<String, ServeUser> users;

    private ServeUsers(Path file, Map<String, ServeUser> users) {
        this.file = file;
        this.users = users;
    }

    /** The default users file of {@code home}. */
    public static Path defaultFile(Path home) {
        return home.resolve("secrets").resolve("serve-users");
    }

    /**
     * Reads {@code file}; a missing file has no users.
     *
     * @throws IllegalArgumentException naming the line, if a line is malformed
     */
    public static ServeUsers read(Path file) throws IOException {
        Map<String, ServeUser> users = new LinkedHashMap<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected name:role:hash");
                }
                try {
                    users.put(parts[0], new ServeUser(parts[0], Role.of(parts[1]), parts[2]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return new ServeUsers(file, users);
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public int size() {
        return users.size();
    }

    public Optional<ServeUser> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /**
     * Adds {@code name} (or replaces its password and role) and rewrites the file owner-only,
     * atomically. The password is hashed here and never kept.
     */
    public ServeUser put(String name, Role role, char[] password) throws IOException {
        if (password.length < 8) {
            throw new IllegalArgumentException("a password has at least 8 characters");
        }
        ServeUser user = new ServeUser(name, role, PasswordHashes.hash(password));
        users.put(name, user);
        write();
        return user;
    }

    /** Every user, in the file's order. */
    public List<ServeUser> all() {
        return List.copyOf(users.values());
    }

    /**
     * Removes {@code name} and rewrites the file owner-only, atomically; a server already running
     * refuses the user's next login.
     *
     * @return false if there is no such user (the file is left as it is)
     */
    public boolean remove(String name) throws IOException {
        if (users.remove(name) == null) {
            return false;
        }
        write();
        return true;
    }

    private void write() throws IOException {
        StringBuilder text =
                new StringBuilder("# Shequ Flight SQL users: name:role:argon2id hash (./shequ serve user add)\n");
        for (ServeUser u : users.values()) {
            text.append(u.name())
                    .append(':')
                    .append(u.role())
                    .append(':')
                    .append(u.passwordHash())
                    .append('\n');
        }
        OwnerOnly.restrict(OwnerOnly.createDirectories(file.toAbsolutePath().getParent()));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        OwnerOnly.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
