package io.shequ.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * How much of each {@link MessKind} the simulator writes: a level ({@code none}, {@code light},
 * {@code typical}, {@code heavy}) sets every rate, and single rates can be overridden.
 */
public record Mess(Map<MessKind, Double> rates) {

    public enum Level {
        NONE(0),
        LIGHT(0.5),
        TYPICAL(1),
        HEAVY(3);

        private final double factor;

        Level(double factor) {
            this.factor = factor;
        }
    }

    public Mess {
        EnumMap<MessKind, Double> copy = new EnumMap<>(MessKind.class);
        for (MessKind kind : MessKind.values()) {
            double rate = rates.getOrDefault(kind, 0.0);
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(
                        "mess rate of " + kind.option() + " must be within 0..1, got " + rate);
            }
            copy.put(kind, rate);
        }
        rates = Map.copyOf(copy);
    }

    public static Mess level(Level level) {
        EnumMap<MessKind, Double> rates = new EnumMap<>(MessKind.class);
        for (MessKind kind : MessKind.values()) {
            rates.put(kind, Math.min(1.0, kind.typicalRate() * level.factor));
        }
        return new Mess(rates);
    }

    public static Mess typical() {
        return level(Level.TYPICAL);
    }

    public static Mess none() {
        return level(Level.NONE);
    }

    public Mess with(MessKind kind, double rate) {
        EnumMap<MessKind, Double> copy = new EnumMap<>(rates);
        copy.put(kind, rate);
        return new Mess(copy);
    }

    public double rate(MessKind kind) {
        return rates.get(kind);
    }

    /** One draw: true with the kind's rate. */
    public boolean hits(MessKind kind, Random random) {
        double rate = rate(kind);
        return rate > 0 && random.nextDouble() < rate;
    }
}
