package dev.gatun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The CLI in a JVM started without the Vector API, as the launcher starts it: SIMD modules run again with it. */
class SimdRelaunchTest {
    static final String SIMD = "(module (func (export \"g\") (param i32) (result i32)"
            + " (i32x4.extract_lane 2 (i32x4.add (v128.const i32x4 1 2 3 4) (i32x4.splat (local.get 0))))))";

    record Child(int exit, String out, String err) {}

    static Child gatun(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(SimdRelaunch.ENV);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        return new Child(p.exitValue(), out, err);
    }

    @Test
    void aSimdModuleRunsAgainWithTheVectorApi(@TempDir Path dir) throws Exception {
        Path m = Files.writeString(dir.resolve("simd.wat"), SIMD);
        Child c = gatun(Map.of(), "run", "--invoke", "g", m.toString(), "10");
        assertEquals(0, c.exit(), c.err());
        assertEquals("13\n", c.out()); // printed once, by the child
        c = gatun(Map.of(), "validate", m.toString());
        assertEquals("valid\n", c.out(), c.err());
        c = gatun(Map.of(), "run", "--invoke", "g", m.toString(), "x"); // the child's exit status is the command's
        assertEquals(Cli.EXIT_USAGE, c.exit(), c.err());
        assertEquals("", c.out());
    }

    @Test
    void aJvmThatStillLacksItSaysWhichFlag(@TempDir Path dir) throws Exception {
        Path m = Files.writeString(dir.resolve("simd.wat"), SIMD);
        Child c = gatun(Map.of(SimdRelaunch.ENV, "1"), "run", "--invoke", "g", m.toString(), "10");
        assertEquals(Cli.EXIT_FAILED, c.exit(), c.err());
        assertTrue(c.err().contains("needs the Vector API: run the JVM with --add-modules jdk.incubator.vector"), c.err());
        assertFalse(c.err().contains("Exception"), c.err());
    }

    @Test
    void aScalarModuleRunsInTheFirstJvm(@TempDir Path dir) throws Exception {
        Path m = Files.writeString(dir.resolve("s.wat"), "(module (func (export \"f\") (result i32) (i32.const 5)))");
        // With the marker set no second JVM can start: the answer must come from this one.
        Child c = gatun(Map.of(SimdRelaunch.ENV, "1"), "run", "--invoke", "f", m.toString());
        assertEquals(0, c.exit(), c.err());
        assertEquals("5\n", c.out());
    }
}
