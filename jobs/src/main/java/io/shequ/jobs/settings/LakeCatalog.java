package io.shequ.jobs.settings;

import io.shequ.jobs.run.EmbeddedH2;
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
     * Iceberg's catalog tables to survive a restart, and AUTO_SERVER so a second process may open it
     * (loopback only, user sa with the home's generated password: {@link EmbeddedH2}).
     * WRITE_DELAY=0 narrows H2's window for losing a killed process's last commits (a lost catalog
     * commit undoes a lake write until the restarted step writes it again); it does not close it,
     * which is why production keeps the catalog on PostgreSQL.
     */
    public static LakeCatalog embedded(HomeLayout layout) {
        String url = EmbeddedH2.url(layout.icebergCatalog(), ";DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        String password = EmbeddedH2.password(layout);
        EmbeddedH2.requirePassword(url, layout.icebergCatalog(), password);
        return new LakeCatalog(url, EmbeddedH2.USER, password);
    }

    @Override
    public String toString() {
        return "LakeCatalog[url=" + url + ", user=" + user + ", password=***]";
    }
}
