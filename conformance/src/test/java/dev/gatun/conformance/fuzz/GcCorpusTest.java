package dev.gatun.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the committed WasmGC corpus (binaryen translate-to-fuzz modules, see gc-corpus/README.md) in both
 * tiers against binaryen's own trace of each, so the GC differential holds in every build without binaryen.
 */
class GcCorpusTest {
    /** Surefire runs in conformance/. */
    static final Path CORPUS = Path.of("src/test/resources/gc-corpus");

    @TestFactory
    Stream<DynamicTest> everyModuleRunsAsBinaryenRanIt() throws IOException {
        List<Path> modules;
        try (Stream<Path> s = Files.list(CORPUS)) {
            modules = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertTrue(modules.size() >= 30, "corpus has " + modules.size() + " modules");
        return modules.stream().flatMap(m -> Stream.of(Tier.INTERPRETER, Tier.COMPILER).map(tier ->
                DynamicTest.dynamicTest(m.getFileName() + " " + tier, () -> {
                    List<String> ref = GcTrace.normalize(Files.readAllLines(
                            Path.of(m.toString().replace(".wasm", ".fuzz-exec.txt"))));
                    assertTrue(ref.size() > 0, "binaryen's trace is empty");
                    assertNull(GcTrace.differs(ref, GcTrace.run(Files.readAllBytes(m), tier, true), tier.toString()));
                })));
    }
}
