package dev.gatun.conformance;

import dev.gatun.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runner's thread and wait commands, against the real engine in both tiers. */
class ThreadScriptTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void messagePassingAndCountersAcrossScriptThreads(Tier tier) throws URISyntaxException {
        Path script = Path.of(ThreadScriptTest.class.getResource("/threads/message-passing.wast").toURI());
        try (WastRunner<?, ?> runner = new WastRunner<>(Targets.gatun(tier))) {
            FileReport r = runner.run(script);
            String statuses = r.outcomes().stream().map(o -> o.command() + ":" + o.status()
                    + (o.reason() == null ? "" : " " + o.reason())).collect(Collectors.joining("\n"));
            assertEquals(13, r.tally().passed(), statuses);
            assertEquals(0, r.tally().failed() + r.tally().skipped(), statuses);
        }
    }
}
