package io.shequ.jobs.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the Spark session is made ({@code spark} in shequ.yml).
 *
 * @param master Spark master URL, {@code local[*]} by default
 * @param shufflePartitions the least Spark SQL shuffle partitions; each step raises them by its input
 *     ({@link io.shequ.jobs.spark.ShufflePartitions})
 * @param conf further {@code spark.*} settings (executors, jars, a cluster's addresses), passed to the session as
 *     they are and over Shequ's own defaults
 */
public record SparkSettings(String master, int shufflePartitions, Map<String, String> conf) {

    public SparkSettings {
        conf = conf == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }
}
