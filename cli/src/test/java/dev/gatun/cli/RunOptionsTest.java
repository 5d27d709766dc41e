package dev.gatun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.gatun.cli.MainTest.EXAMPLE;
import static dev.gatun.cli.MainTest.gatun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gatun run: --, WASI for --invoke, --timeout, --max-memory, trap frames, the messages for missing exports. */
class RunOptionsTest {
    @Test
    void doubleDashAfterTheModuleIsNotPassedOn() {
        MainTest.Result r = gatun("run", "--invoke", "gcd", EXAMPLE.toString(), "--", "48", "18");
        assertEquals(0, r.exit(), r.err());
        assertEquals("6", r.out().strip());
    }

    @Test
    void invokeLinksWasiForAModuleThatImportsIt(@TempDir Path dir) throws Exception {
        Path m = TestModules.write(dir, "wasi.wasm", TestModules.WASI);
        // A child JVM: WASI writes to the process's file descriptor 1 itself, past System.out.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--invoke", "hello", m.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("hi\n0\n", out); // the guest's write, then fd_write's errno (success) as the result
        MainTest.Result r = gatun("run", "--invoke", "quit", m.toString(), "7");
        assertEquals(7, r.exit(), r.err()); // proc_exit's status, not a trap
    }

    @Test
    void aMissingExportIsNamedAsSuch() {
        MainTest.Result r = gatun("run", "--invoke", "sub", EXAMPLE.toString());
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().startsWith("gatun: " + EXAMPLE + ": unknown export: \"sub\"; its exported functions: "), r.err());
        assertTrue(r.err().contains("\"gcd\""), r.err());
        assertFalse(r.err().contains("import"), r.err());
    }

    @Test
    void aLibraryRunWithoutInvokeSuggestsIt() {
        MainTest.Result r = gatun("run", EXAMPLE.toString());
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("has no _start function"), r.err());
        assertTrue(r.err().contains("--invoke NAME"), r.err());
        assertFalse(r.err().contains("import \"\""), r.err());
    }

    @Test
    void timeoutStopsAnInfiniteLoop(@TempDir Path dir) {
        Path m = TestModules.write(dir, "spin.wasm", TestModules.SPIN);
        MainTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> gatun("run", "--timeout", "100ms", "--invoke", "spin", m.toString()));
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(r.err().startsWith("gatun: trap: interrupted"), r.err());
        assertTrue(Cli.firstLine(r.err()).endsWith("(--timeout 100ms reached)"), r.err());
        assertTrue(r.err().contains("at spin (wasm-function[0]:0x"), r.err());
    }

    @Test
    void timeoutStopsACommandToo(@TempDir Path dir) {
        Path m = TestModules.write(dir, "spin.wasm", TestModules.COMMAND_SPIN);
        MainTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> gatun("run", "--timeout", "100ms", m.toString()));
        assertEquals(WasiRun.EXIT_TRAP, r.exit(), r.err());
        assertTrue(Cli.firstLine(r.err()).endsWith("(--timeout 100ms reached)"), r.err());
        assertTrue(r.err().contains("at _start (wasm-function[1]:0x"), r.err());
    }

    @Test
    void aCommandWithoutMemoryStillRuns(@TempDir Path dir) {
        Path m = TestModules.write(dir, "exit.wasm", TestModules.COMMAND_EXIT);
        MainTest.Result r = gatun("run", m.toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void timeoutAndMaxMemoryRejectNonsense() {
        MainTest.Result r = gatun("run", "--timeout", "soon", "--invoke", "gcd", EXAMPLE.toString(), "1", "2");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertEquals("gatun: --timeout wants a duration such as 100ms, 2s or 1m, got 'soon'", r.err().strip());
        r = gatun("run", "--max-memory", "12 parsecs", "--invoke", "gcd", EXAMPLE.toString(), "1", "2");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().startsWith("gatun: --max-memory wants a unit of B, KiB, MiB, GiB or pages"), r.err());
    }

    @Test
    void sizesAndDurationsParse() {
        assertEquals(16, RunLimits.pages("1MiB"));
        assertEquals(16, RunLimits.pages("16pages"));
        assertEquals(1, RunLimits.pages("131071")); // a partial page allows none of it
        assertEquals(16384, RunLimits.pages("1G"));
        assertEquals(Duration.ofMillis(100), RunLimits.duration("100ms"));
        assertEquals(Duration.ofMillis(1500), RunLimits.duration("1.5s"));
        assertEquals(Duration.ofSeconds(2), RunLimits.duration("2"));
        assertThrows(Cli.Failure.class, () -> RunLimits.duration("0s"));
    }

    @Test
    void maxMemoryCapsGrowthAndRefusesAModuleThatNeedsMore(@TempDir Path dir) {
        Path grow = TestModules.write(dir, "grow.wasm", TestModules.GROW);
        assertEquals("1", gatun("run", "--max-memory", "2pages", "--invoke", "grow", grow.toString(), "1").out().strip());
        assertEquals("-1", gatun("run", "--max-memory", "128KiB", "--invoke", "grow", grow.toString(), "2").out().strip());
        assertEquals("1", gatun("run", "--invoke", "grow", grow.toString(), "2").out().strip()); // no cap: it grows

        Path grow4 = TestModules.write(dir, "grow4.wasm", TestModules.GROW.replace("05030100010708", "05030100040708"));
        MainTest.Result r = gatun("run", "--max-memory", "2pages", "--invoke", "grow", grow4.toString(), "0");
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertEquals("gatun: the module needs 4 pages of memory (256 KiB), more than --max-memory allows (2 pages)", r.err().strip());
    }

    @Test
    void recursionIsOneFrameWithACountAndExportNamesStandInForMissingNames(@TempDir Path dir) {
        Path m = TestModules.write(dir, "deep.wasm", TestModules.DEEP);
        MainTest.Result r = gatun("run", "--invoke", "down", m.toString(), "10");
        assertEquals(Cli.EXIT_FAILED, r.exit());
        // As Node prints it: the trapping unreachable at 0x27, then the recursive call at 0x2e, collapsed.
        assertEquals("gatun: trap: unreachable\n    at down (wasm-function[0]:0x27)\n    at down (wasm-function[0]:0x2e)"
                + "\n    … 9 more identical frames", r.err().strip());
    }

    @Test
    void longStacksAreCutWithACount() {
        java.util.List<dev.gatun.RuntimeError.Frame> stack = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) stack.add(new dev.gatun.RuntimeError.Frame(i % 2, null, 16 + i % 2));
        java.util.List<String> lines = Frames.lines(stack, java.util.Map.of(1, "odd"));
        assertEquals(Frames.MAX_LINES + 1, lines.size());
        assertEquals("at wasm-function[0]:0x10", lines.get(0));
        assertEquals("at odd (wasm-function[1]:0x11)", lines.get(1));
        assertEquals("… 60 more frames", lines.get(Frames.MAX_LINES));
    }

    @Test
    void fuelStopsAnInfiniteLoopDeterministically(@TempDir Path dir) {
        Path m = TestModules.write(dir, "spin.wasm", TestModules.SPIN);
        MainTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> gatun("run", "--fuel", "1_000_000", "--invoke", "spin", m.toString()));
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(Cli.firstLine(r.err()).startsWith("gatun: trap: all fuel consumed"), r.err());
        assertTrue(Cli.firstLine(r.err()).endsWith("(--fuel 1000000)"), r.err());
        // Enough fuel: the program finishes as without any.
        assertEquals("6", gatun("run", "--fuel", "10000", "--invoke", "gcd", EXAMPLE.toString(), "48", "18").out().strip());
        assertEquals(Cli.EXIT_USAGE, gatun("run", "--fuel", "lots", "--invoke", "spin", m.toString()).exit());
    }

    @Test
    void maxCallDepthAndMaxTableElementsLimitTheInstance(@TempDir Path dir) throws java.io.IOException {
        Path deep = TestModules.write(dir, "deep.wasm", TestModules.DEEP);
        MainTest.Result r = gatun("run", "--max-call-depth", "5", "--invoke", "down", deep.toString(), "10");
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(Cli.firstLine(r.err()).equals("gatun: trap: call stack exhausted (--max-call-depth 5)"), r.err());

        Path table = dir.resolve("table.wat");
        java.nio.file.Files.writeString(table, """
            (module (table 10 funcref)
              (func (export "grow") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))""");
        assertEquals("10", gatun("run", "--max-table-elements", "100", "--invoke", "grow", table.toString(), "90").out().strip());
        assertEquals("-1", gatun("run", "--max-table-elements", "100", "--invoke", "grow", table.toString(), "91").out().strip());
        r = gatun("run", "--max-table-elements", "5", "--invoke", "grow", table.toString(), "0");
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(r.err().contains("resource limit exceeded") && r.err().contains("exceeds the cap of 5"), r.err());
    }
}
