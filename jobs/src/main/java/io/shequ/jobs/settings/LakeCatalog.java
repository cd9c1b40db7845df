package io.shequ.jobs.settings;

import io.shequ.jobs.run.HomeLayout;

/**
 * The database of the lake's Iceberg JDBC catalog: where table names point to their current
 * metadata. An H2 file under the home by default (one machine); PostgreSQL in production, so that
 * several processes and machines share one catalog.
 *
 * @param url      JDBC URL of the catalog database
 * @param user     its user
 * @param password its password; never logged
 */
public record LakeCatalog(String url, String user, String password) {

    public LakeCatalog {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("the lake catalog needs a JDBC URL, got " + url);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * The embedded default: an H2 file in {@code state/iceberg}. H2 needs DATABASE_TO_LOWER for
     * Iceberg's catalog tables to survive a restart, and AUTO_SERVER so a second process may open it.
     * WRITE_DELAY=0 writes each commit to the file at once: with H2's default delay a kill -9 loses
     * the last second or so of commits, and a lost catalog commit would silently undo a lake write.
     */
    public static LakeCatalog embedded(HomeLayout layout) {
        return new LakeCatalog("jdbc:h2:file:" + layout.icebergCatalog() + ";DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "sa", "");
    }

    @Override
    public String toString() {
        return "LakeCatalog[url=" + url + ", user=" + user + ", password=***]";
    }
}
