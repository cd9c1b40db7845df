package io.shequ.jobs.stage;

import io.shequ.schemas.reference.Taxonomy;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * The taxonomies a run conforms with: a copy in {@code <home>/taxonomies/} wins over the bundled
 * one, the way {@link HomeContracts} does for contracts, so an alias added there maps a value
 * from the next run on, without rebuilding Shequ.
 */
public final class HomeTaxonomies implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Bundled taxonomies only (tests, and callers without a home). */
    public static final HomeTaxonomies BUNDLED = new HomeTaxonomies(null);

    private final String folder;

    private HomeTaxonomies(Path folder) {
        this.folder = folder == null ? null : folder.toString();
    }

    public static HomeTaxonomies of(Path home) {
        return new HomeTaxonomies(home.resolve("taxonomies"));
    }

    /** The taxonomy {@code name} ("service-categories"), from the home's copy when there is one. */
    public Taxonomy load(String name) {
        return Taxonomy.load(name, folder == null ? null : Path.of(folder));
    }
}
