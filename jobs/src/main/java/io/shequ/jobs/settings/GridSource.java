package io.shequ.jobs.settings;

/** Where the grid-management system's database is read from, over JDBC. */
public record GridSource(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "GridSource[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
    }
}
