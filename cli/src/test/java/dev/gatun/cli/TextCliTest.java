package dev.gatun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text format on the command line: modules recognised by content, .wast scripts run directly. */
class TextCliTest {
    private static final String ADD = """
            ;; a comment first: still text
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            """;

    @Test
    void runValidateAndInspectTakeTextByContent(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("add.bin"); // the extension says nothing
        Files.writeString(f, ADD);
        MainTest.Result r = MainTest.gatun("run", "--invoke", "add", f.toString(), "2", "40");
        assertEquals(0, r.exit(), r.err());
        assertEquals("42", r.out().strip());
        r = MainTest.gatun("validate", f.toString());
        assertEquals("valid", r.out().strip(), r.err());
        r = MainTest.gatun("inspect", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("add"), r.out());
    }

    @Test
    void malformedTextSaysLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.wat");
        Files.writeString(f, "(module\n  (func i32.const 1 i32.frob))");
        MainTest.Result r = MainTest.gatun("validate", f.toString());
        assertEquals(1, r.exit());
        assertEquals("malformed: unknown operator i32.frob (at line 2, column 21)", r.out().strip());
        r = MainTest.gatun("run", "--invoke", "f", f.toString());
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(r.err().contains("line 2, column 21"), r.err());
    }

    @Test
    void wastRunsScriptsDirectly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.wast");
        Files.writeString(f, ADD + """
                (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
                (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
                (assert_malformed (module quote "(func i32.const)") "unexpected token")
                (assert_invalid (module (func (result i32))) "type mismatch")
                """);
        // The wast command reports on the process's stdout.
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        MainTest.Result r;
        try {
            System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
            r = MainTest.gatun("wast", f.toString());
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Cli.EXIT_FAILED, r.exit(), out + r.err());
        assertTrue(out.strip().endsWith("4 passed, 1 failed, 0 skipped"), out + r.err());
    }
}
