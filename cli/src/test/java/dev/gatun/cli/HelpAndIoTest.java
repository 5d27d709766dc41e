package dev.gatun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.gatun.cli.MainTest.EXAMPLE;
import static dev.gatun.cli.MainTest.gatun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help and completion, the input size cap, and write errors on stdout. */
class HelpAndIoTest {
    @Test
    void everySubcommandHasHelp() {
        for (String[] args : List.of(new String[] {"run", "--help"}, new String[] {"validate", "-h"},
                new String[] {"inspect", "--help"}, new String[] {"wast", "--help"}, new String[] {"help", "run"})) {
            MainTest.Result r = gatun(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            String cmd = args[0].equals("help") ? args[1] : args[0];
            assertTrue(r.out().startsWith("Usage: gatun " + cmd), r.out());
            assertEquals("", r.err());
        }
        assertTrue(gatun("run", "--help").out().contains("--timeout=DURATION"));
    }

    @Test
    void summariesAreWholeSentences() {
        MainTest.Result r = gatun("--help");
        assertEquals(0, r.exit(), r.err());
        String commands = r.out().substring(r.out().indexOf("Commands:"));
        // A long summary wraps onto indented continuation lines: join them to the row they continue.
        List<String> rows = new java.util.ArrayList<>();
        for (String l : commands.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
            if (l.startsWith("    ") && !rows.isEmpty()) rows.set(rows.size() - 1, rows.getLast() + " " + l.strip());
            else rows.add(l);
        }
        assertTrue(rows.size() >= 6, commands);
        for (String row : rows) assertTrue(row.strip().endsWith("."), "cut summary: " + row);
        assertTrue(commands.contains("completion"), commands);
    }

    @Test
    void completionPrintsABashScript() {
        MainTest.Result r = gatun("completion");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out());
        assertTrue(r.out().contains("complete -F _complete_gatun"), r.out());
        assertTrue(r.out().contains("--invoke"), "options of run are completed");
    }

    @Test
    void inputsAreReadWithACap(@TempDir Path dir) throws IOException {
        Cli.Failure f = assertThrows(Cli.Failure.class, () -> InputFiles.read(Path.of("/dev/zero"), 1 << 20));
        assertEquals(Cli.EXIT_USAGE, f.exitCode);
        assertEquals("/dev/zero is larger than 1 MiB (the input limit, -Dgatun.maxInputBytes in GATUN_JAVA_OPTS)", f.getMessage());
        Path file = Files.write(dir.resolve("f"), new byte[5000]);
        assertEquals(5000, InputFiles.read(file, 5000).length);
        assertThrows(Cli.Failure.class, () -> InputFiles.read(file, 4999));

        System.setProperty("gatun.maxInputBytes", "65536");
        try {
            MainTest.Result r = gatun("validate", "/dev/zero");
            assertEquals(Cli.EXIT_USAGE, r.exit());
            assertEquals("gatun: /dev/zero is larger than 64 KiB (the input limit, -Dgatun.maxInputBytes in GATUN_JAVA_OPTS)", r.err().strip());
        } finally {
            System.clearProperty("gatun.maxInputBytes");
        }
    }

    @Test
    void aFailedWriteToStdoutIsAnError() {
        OutputStream broken = new OutputStream() {
            @Override public void write(int b) throws IOException { throw new IOException("No space left on device"); }
        };
        PrintWriter out = new PrintWriter(broken, true);
        StringWriter errText = new StringWriter();
        PrintWriter err = new PrintWriter(errText, true);
        PrintStream fine = new PrintStream(new ByteArrayOutputStream());
        int exit = Main.execute(new String[] {"run", "--invoke", "gcd", EXAMPLE.toString(), "48", "18"}, out, err);
        assertEquals(0, exit); // the command itself succeeded...
        assertEquals(Cli.EXIT_FAILED, Output.finish(exit, out, fine, err, fine)); // ...but its output was lost
        assertEquals("gatun: error writing to standard output", errText.toString().strip());
        assertEquals(0, Output.finish(0, new PrintWriter(new StringWriter()), fine, err, fine));
    }

    @Test
    void devFullFailsTheRealProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--invoke", "gcd", EXAMPLE.toString(), "48", "18")
                .redirectOutput(new File("/dev/full")).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        assertEquals(List.of("gatun: error writing to standard output"), lines);
        assertFalse(err.contains("Exception"), err);
    }
}
