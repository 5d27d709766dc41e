package dev.gatun.conformance;

import dev.gatun.CompileError;
import dev.gatun.LinkError;
import dev.gatun.RuntimeError;
import dev.gatun.Value;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's bookkeeping, checked against a scripted fake target whose behaviour the script knows. */
class WastRunnerTest {
    /** "Modules" are the file's text; instances are the module text too. */
    static final class Fake implements Target<String, String> {
        volatile boolean interrupted;

        @Override public String compile(byte[] bytes) {
            String s = new String(bytes, StandardCharsets.UTF_8);
            return switch (s) {
                case "malformed" -> throw new CompileError(CompileError.Kind.MALFORMED, 3, "unexpected end");
                case "invalid" -> throw new CompileError(CompileError.Kind.INVALID, 9, "type mismatch");
                default -> s;
            };
        }

        @Override public String instantiate(String module, Map<String, String> registered) {
            return switch (module) {
                case "unlinkable" -> throw new LinkError("spectest", "unknown", "unknown import");
                case "trapstart" -> throw new RuntimeError(RuntimeError.Trap.UNREACHABLE);
                default -> module;
            };
        }

        @Override public Value[] invoke(String instance, String field, Value[] args) {
            return switch (field) {
                case "add" -> new Value[] {Value.i32(((Value.I32) args[0]).value() + ((Value.I32) args[1]).value())};
                case "nan" -> new Value[] {Value.f32Bits(0x7fc00001)};
                case "div0" -> throw new RuntimeError(RuntimeError.Trap.INTEGER_DIVIDE_BY_ZERO);
                case "exhaust" -> throw new RuntimeError(RuntimeError.Trap.CALL_STACK_EXHAUSTED);
                case "recurse" -> new Value[] {Value.i32(recurse(0))};
                case "hang" -> {
                    while (!interrupted) Thread.onSpinWait();
                    yield new Value[0];
                }
                case "echo" -> args;
                case "sleep" -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield new Value[0];
                }
                default -> throw new LinkError("", field, "no such export");
            };
        }

        private static int recurse(int n) { return recurse(n + 1) + 1; }

        @Override public Value get(String instance, String field) { return Value.i64(-1); }

        @Override public void interrupt(String instance) { interrupted = true; }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(WastRunnerTest.class.getResource("/fake/script.json").toURI());
    }

    private static String statuses(FileReport r) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : r.outcomes()) sb.append(o.status().name().charAt(0));
        return sb.toString();
    }

    @Test
    void everyCommandGetsTheVerdictItsBehaviourDeserves() throws Exception {
        Fake fake = new Fake();
        FileReport r;
        try (WastRunner<String, String> runner = new WastRunner<>(fake, Duration.ofSeconds(2))) {
            r = runner.run(script());
        }
        // line:   1234567890123456789012345678
        assertEquals("FPPFPFPFPFFPPFPPFPPPPFPPFFPF", statuses(r), r.outcomes().toString());
        assertEquals(new Tally(16, 12, 0), r.tally());
        Outcome first = r.outcomes().getFirst();
        assertEquals("fake.wast:1", first.name());
        assertTrue(first.reason().contains("no module defined yet"), first.reason());
        assertTrue(r.outcomes().get(9).reason().contains("StackOverflowError"), r.outcomes().get(9).reason());
        assertTrue(r.outcomes().get(10).reason().contains("timed out"), r.outcomes().get(10).reason());
        assertTrue(fake.interrupted);
        assertTrue(r.outcomes().get(27).reason().contains("its module command failed"), r.outcomes().get(27).reason());
    }

    @Test
    void aScriptIsAbandonedAfterRepeatedTimeouts() throws Exception {
        FileReport r;
        try (WastRunner<String, String> runner = new WastRunner<>(new Fake(), Duration.ofMillis(300))) {
            r = runner.run(script().resolveSibling("hangs.json"));
        }
        assertEquals("PFFF", statuses(r), r.outcomes().toString());
        assertTrue(r.outcomes().get(2).reason().contains("timed out"), r.outcomes().get(2).reason());
        assertTrue(r.outcomes().get(3).reason().startsWith("not run"), r.outcomes().get(3).reason());
    }

    @Test
    void missingScriptIsOneFailure() {
        try (WastRunner<String, String> runner = new WastRunner<>(new Fake())) {
            FileReport r = runner.run(Path.of("does-not-exist.json"));
            assertEquals(new Tally(0, 1, 0), r.tally());
        }
    }

    @Test
    void collectsDirectoriesRecursivelyAndSorted() throws Exception {
        List<Path> files = Conformance.collect(List.of(script().getParent().getParent()));
        assertTrue(files.stream().anyMatch(p -> p.endsWith("fake/script.json")), files.toString());
    }
}
