package io.shequ.simulator;

import java.util.Objects;

/**
 * Where the simulator writes the grid-system database when not to its default H2 file: any JDBC URL
 * (PostgreSQL included) with a user allowed to create tables. The password is never printed.
 */
public record GridConnection(String jdbcUrl, String user, String password) {

    public GridConnection {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "GridConnection[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}
