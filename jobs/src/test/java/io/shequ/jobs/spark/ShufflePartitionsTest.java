package io.shequ.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shuffle partitions follow the bytes a step reads, between the configured count and a ceiling. */
class ShufflePartitionsTest {

    @Test
    void partitionsGrowWithTheInputBetweenTheConfiguredCountAndTheCeiling() {
        assertThat(ShufflePartitions.count(4, 0))
                .as("nothing to read: the configured count")
                .isEqualTo(4);
        assertThat(ShufflePartitions.count(4, 20L << 20))
                .as("a district: still the configured count")
                .isEqualTo(4);
        assertThat(ShufflePartitions.count(4, 400L << 20))
                .as("a city: one partition per 8 MiB read")
                .isEqualTo(50);
        assertThat(ShufflePartitions.count(4, 1L << 40))
                .as("never more than the ceiling")
                .isEqualTo(ShufflePartitions.MAX);
    }
}
