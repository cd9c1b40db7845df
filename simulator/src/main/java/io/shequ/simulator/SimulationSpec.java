package io.shequ.simulator;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.schemas.division.DivisionLevel;
import java.util.Objects;
import java.util.Random;

/**
 * What the {@link SourceSimulator} writes: one district, one year, and the seed every value
 * is drawn from. The same spec always yields the same files.
 *
 * @param district            a district-level NBS code, e.g. 370103
 * @param year                the reporting year
 * @param seed                the seed of every random choice
 * @param months              street-office reports for months 1..months (1-12)
 * @param eventsPerCommunity  grid events reported in each village-level unit over the year
 * @param contracts           rows of the procurement ledger
 * @param mess                how much of each kind of mess to write
 * @param novelties           the spellings of the mess kinds that write what the pipeline was never shown
 */
public record SimulationSpec(
        DivisionCode district,
        int year,
        long seed,
        int months,
        int eventsPerCommunity,
        int contracts,
        Mess mess,
        Novelties novelties) {

    public static final int DEFAULT_MONTHS = 12;
    public static final int DEMO_EVENTS_PER_COMMUNITY = 24;
    public static final int DEMO_CONTRACTS = 24;

    public SimulationSpec {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(mess, "mess");
        Objects.requireNonNull(novelties, "novelties");
        if (district.level() != DivisionLevel.DISTRICT) {
            throw new IllegalArgumentException("need a district code, got " + district + " (" + district.level() + ")");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (months < 1 || months > 12) {
            throw new IllegalArgumentException("months must be 1-12, got " + months);
        }
        if (eventsPerCommunity < 0 || contracts < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public SimulationSpec(
            DivisionCode district, int year, long seed, int months, int eventsPerCommunity, int contracts, Mess mess) {
        this(district, year, seed, months, eventsPerCommunity, contracts, mess, Novelties.NONE);
    }

    /** The demo sample: twelve months, 24 events per community, 24 contracts, every kind of mess at its typical rate. */
    public static SimulationSpec demo(DivisionCode district, int year, long seed) {
        return new SimulationSpec(
                district, year, seed, DEFAULT_MONTHS, DEMO_EVENTS_PER_COMMUNITY, DEMO_CONTRACTS, Mess.typical());
    }

    /** The same sample for another district, drawn from its own seed (each district of a city gets one). */
    public SimulationSpec withDistrict(DivisionCode district, long seed) {
        return new SimulationSpec(district, year, seed, months, eventsPerCommunity, contracts, mess, novelties);
    }

    public SimulationSpec withMonths(int months) {
        return new SimulationSpec(district, year, seed, months, eventsPerCommunity, contracts, mess, novelties);
    }

    public SimulationSpec withEventsPerCommunity(int events) {
        return new SimulationSpec(district, year, seed, months, events, contracts, mess, novelties);
    }

    public SimulationSpec withContracts(int contracts) {
        return new SimulationSpec(district, year, seed, months, eventsPerCommunity, contracts, mess, novelties);
    }

    public SimulationSpec withMess(Mess mess) {
        return new SimulationSpec(district, year, seed, months, eventsPerCommunity, contracts, mess, novelties);
    }

    public SimulationSpec withNovelties(Novelties novelties) {
        return new SimulationSpec(district, year, seed, months, eventsPerCommunity, contracts, mess, novelties);
    }

    /** An independent random stream for one part of the sample, so parts do not shift each other. */
    Random random(String part) {
        return new Random(seed * 1_000_003L + part.hashCode());
    }
}
