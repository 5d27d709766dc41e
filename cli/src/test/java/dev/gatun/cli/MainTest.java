package dev.gatun.cli;

import dev.gatun.testing.ModuleBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end, in process: exit codes, stdout, and one-line errors without stack traces. */
class MainTest {
    /** The bundled example: surefire runs in cli/, the module sits in the repository's examples/. */
    static final Path EXAMPLE = Path.of("../examples/mathlib.wasm");

    record Result(int exit, String out, String err) {}

    static Result gatun(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static void noStackTrace(Result r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** A module whose type section claims 5 bytes and ends at once. */
    static byte[] truncated() {
        return ModuleBuilder.header().u8(ModuleBuilder.TYPE_SECTION).u8(5).toArray();
    }

    @Test
    void validateAcceptsTheExample() {
        Result r = gatun("validate", EXAMPLE.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("valid", r.out().strip());
    }

    @Test
    void validateSaysWhyAndWhere(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, truncated());
        Result r = gatun("validate", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("malformed: "), r.out());
        assertTrue(r.out().contains("(at byte offset "), r.out());

        // Valid structure, invalid code: (func (result i32) f32.const 0).
        Path invalid = dir.resolve("invalid.wasm");
        ModuleBuilder b = new ModuleBuilder();
        b.func(b.type(new int[0], new int[] {ModuleBuilder.I32}), new int[0][], new ModuleBuilder.Bytes().f32Const(0).end().toArray());
        Files.write(invalid, b.build());
        r = gatun("validate", invalid.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("invalid: "), r.out());
    }

    @Test
    void missingFileIsAUsageErrorNotACrash() {
        Result r = gatun("validate", "no/such/file.wasm");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertEquals("gatun: no such file: no/such/file.wasm", r.err().strip());
        noStackTrace(r);
    }

    @Test
    void inspectShowsExportsWithTypesAndTheMemory() {
        Result r = gatun("inspect", EXAMPLE.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"gcd\""), r.out());
        assertTrue(r.out().contains("(i32, i32) -> (i32)"), r.out());
        assertTrue(r.out().contains("(i32) -> (i64)"), r.out());
        assertTrue(r.out().contains("memories: 1 defined, 0 imported"), r.out());
        assertTrue(r.out().contains("custom sections: \"producers\""), r.out());
    }

    @Test
    void printShowsTheModuleAsText() {
        Result r = gatun("print", EXAMPLE.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("(module\n"), r.out());
        assertTrue(r.out().contains("(export \"gcd\" (func 0))"), r.out());
        assertTrue(r.out().contains("  i32.rem_u\n"), r.out());
        assertTrue(r.out().contains("(@custom \"producers\""), r.out());

        Result folded = gatun("print", "--folded", EXAMPLE.toString());
        assertEquals(0, folded.exit(), folded.err());
        assertTrue(folded.out().contains("(i32.rem_u (local.get 0) (local.tee 0 (local.get 1)))"), folded.out());
    }

    @Test
    void printRejectsAMalformedModuleInOneLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, truncated());
        Result r = gatun("print", bad.toString());
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("gatun: " + bad + ": malformed: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        noStackTrace(r);

        r = gatun("print", "--folded", "no/such/file.wasm");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertEquals("gatun: no such file: no/such/file.wasm", r.err().strip());
    }

    @Test
    void runChecksTheExportAndItsArguments() {
        Result r = gatun("run", "--invoke", "nope", EXAMPLE.toString());
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("unknown export: \"nope\""), r.err());
        r = gatun("run", "--invoke", "gcd", EXAMPLE.toString(), "12");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("takes 2 argument(s)"), r.err());
        r = gatun("run", "--invoke", "gcd", EXAMPLE.toString(), "12", "x");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("argument 2: cannot parse 'x' as i32"), r.err());
        noStackTrace(r);
    }

    @Test
    void runInvokePrintsResultsOnePerLine() {
        Result r = gatun("run", "--invoke", "gcd", EXAMPLE.toString(), "48", "18");
        assertEquals(0, r.exit(), r.err());
        assertEquals("6", r.out().strip());
        r = gatun("run", "--invoke", "fib", EXAMPLE.toString(), "93"); // wraps: printed signed, like wasmtime
        assertEquals("-6246583658587674878", r.out().strip(), r.err());
        r = gatun("run", "--invoke", "hypot", EXAMPLE.toString(), "3", "4");
        assertEquals("5.0", r.out().strip(), r.err());
    }

    @Test
    void runInvokeReportsATrapWithTheWasmStack() {
        Result r = gatun("run", "--invoke", "crc32", EXAMPLE.toString(), "0", "99999999");
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(r.err().startsWith("gatun: trap: out of bounds memory access"), r.err());
        assertTrue(r.err().contains("at "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void wastRejectsAMissingPath() {
        Result r = gatun("wast", "no/such/dir");
        assertEquals(Cli.EXIT_USAGE, r.exit());
        noStackTrace(r);
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Result r = gatun("frobnicate");
        assertEquals(2, r.exit());
        noStackTrace(r);
    }
}
