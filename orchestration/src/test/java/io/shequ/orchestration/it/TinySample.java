package io.shequ.orchestration.it;

import io.shequ.schemas.division.DivisionCode;
import io.shequ.simulator.Mess;
import io.shequ.simulator.SimulationResult;
import io.shequ.simulator.SimulationSpec;
import io.shequ.simulator.SourceSimulator;
import java.nio.file.Path;

/**
 * The smallest sample the pipeline ITs run on: Jinan Shizhong (370103), one month of reports, two
 * grid events per community, four contracts, no mess; a run on it takes seconds, not minutes.
 */
final class TinySample {

    static final String DISTRICT = "370103";

    private TinySample() {}

    /** Writes the clean tiny sample into {@code home/sources}. */
    static SimulationResult cleanIn(Path home) throws Exception {
        return SourceSimulator.generate(
                SimulationSpec.demo(DivisionCode.parse(DISTRICT), 2023, 11)
                        .withMonths(1)
                        .withEventsPerCommunity(2)
                        .withContracts(4)
                        .withMess(Mess.none()),
                home.resolve("sources"));
    }
}
