package io.shequ.jobs.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessOwnerTest {

    private final ProcessOwner here = ProcessOwner.current();

    @Test
    void thisProcessIsAlive() {
        assertThat(here.liveness(here)).as("the process asking").isEqualTo(ProcessOwner.Liveness.ALIVE);
    }

    @Test
    void aProcessThatEndedIsDead() throws Exception {
        Process child = new ProcessBuilder("true").start();
        long pid = child.pid();
        long started = child.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        child.waitFor();
        assertThat(new ProcessOwner(here.host(), pid, started).liveness(here))
                .as("an ended child")
                .isEqualTo(ProcessOwner.Liveness.DEAD);
    }

    @Test
    void aReusedPidIsDead() {
        ProcessOwner earlier = new ProcessOwner(here.host(), here.pid(), here.startedMillis() - 60_000);
        assertThat(earlier.liveness(here)).as("same pid, another start time").isEqualTo(ProcessOwner.Liveness.DEAD);
    }

    @Test
    void anOwnerOnAnotherHostCannotBeJudged() {
        ProcessOwner remote = new ProcessOwner(here.host() + "-other", here.pid(), here.startedMillis());
        assertThat(remote.liveness(here)).as("no way to look at another host").isEqualTo(ProcessOwner.Liveness.UNKNOWN);
    }
}
