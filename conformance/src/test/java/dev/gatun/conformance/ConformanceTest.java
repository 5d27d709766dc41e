package dev.gatun.conformance;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed report: per-file lines, failures with -v, the passing list, and exactly the tally last. */
class ConformanceTest {
    @Test
    void reportEndsWithTheTally() throws Exception {
        Path script = Path.of(ConformanceTest.class.getResource("/fake/report.json").toURI());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Tally t;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            t = Conformance.run(new WastRunnerTest.Fake(), List.of(script), new Conformance.Options(true, true), out);
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("3 passed, 2 failed, 0 skipped", lines.getLast());
        assertEquals(t.summaryLine(), lines.getLast());
        assertEquals("report.json: 3 passed, 2 failed, 0 skipped", lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  FAIL fake.wast:4 assert_invalid: expected invalid")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# fully passing (0 files")), lines.toString());
    }
}
