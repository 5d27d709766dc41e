package dev.gatun.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzers' fixed-seed smoke runs for scripts/test (well under a minute together); scripts/fuzz runs them
 * long. The differential one needs wasm-opt (binaryen) and node, which scripts/test installs.
 */
class FuzzSmokeTest {
    /** The engine's corpus of binaryen modules (Surefire runs in conformance/). */
    static final Path SEEDS = Path.of("../engine/src/test/resources/fuzz");

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    @Test
    void differentialSmoke(@TempDir Path out) throws Exception {
        assumeTrue(onPath("wasm-opt") && onPath("node"), "needs wasm-opt (binaryen) and node");
        Differential.Tally t = Differential.run(18, 40, Long.MAX_VALUE, out, false);
        System.out.println("differential smoke: " + t);
        assertEquals(List.of(), t.divergent());
        assertEquals(40, t.modules());
        assertTrue(t.calls() > 200 && t.traps() > 0, t.toString());
    }

    @Test
    void mutationSmoke(@TempDir Path out) throws IOException, InterruptedException {
        Mutate.Tally t = Mutate.run(Mutate.seeds(List.of(SEEDS)), 18, 4000, Long.MAX_VALUE, out);
        System.out.println("mutation smoke: " + t);
        assertEquals(List.of(), t.failed());
        assertTrue(t.compileErrors() > 1000 && t.compiled() > 10 && t.text() == 1000, t.toString());
    }

    @Test
    void tracesDifferingInAResultAreADivergence() {
        List<String> node = List.of("log i32 1", "f -> (i32 3)", "memory 65536 1234");
        assertNull(Differential.differs(node, node, "interpreter"));
        assertNotNull(Differential.differs(node, List.of("log i32 1", "f -> (i32 4)", "memory 65536 1234"), "interpreter"));
        assertNotNull(Differential.differs(node, List.of("log i32 1", "f -> (i32 3)"), "compiler"));
    }

    @Test
    void tracesAreComparedOnlyUpToAStackExhaustion() {
        // V8 ran out of stack in g (after logging less than Gatun did): the calls before g must still agree.
        List<String> node = List.of("f -> (i32 3)", "log i32 1", "g trap stack");
        List<String> gatun = List.of("f -> (i32 3)", "log i32 1", "log i32 2", "g -> (i32 0)", "h -> ()", "memory 65536 1");
        assertNull(Differential.differs(node, gatun, "interpreter"));
        assertNotNull(Differential.differs(node, List.of("f -> (i32 4)", "g trap stack"), "interpreter"));
    }

    /**
     * Found by the differential fuzzer (seed 18, module 784): f32x4.max over a non-canonical NaN lane, whose
     * bits then reach memory through i8x16.ge_u. V8 keeps the input's payload, Gatun returns the canonical
     * NaN; the spec allows both. The tiers must still agree exactly, and the module is recognised as one whose
     * memory may differ from V8's.
     */
    @Test
    void simdNaNBitsAreALegitimateDifferenceFromV8ButNotBetweenTiers() throws IOException {
        byte[] m = Files.readAllBytes(Path.of("src/test/resources/fuzz-regressions/simd-nan-bits.wasm"));
        assertTrue(Differential.simdNaNs(m));
        List<String> interpreter = Trace.run(dev.gatun.WebAssembly.compile(m, dev.gatun.Tier.INTERPRETER));
        List<String> compiler = Trace.run(dev.gatun.WebAssembly.compile(m, dev.gatun.Tier.COMPILER));
        assertNull(Differential.differs(interpreter, compiler, "compiler"));
        assertFalse(Differential.simdNaNs(Files.readAllBytes(SEEDS.resolve("fuzz001.wasm"))));
    }
}
