package dev.gatun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A Memory the embedder makes past the process's reservation budget is a RuntimeError of kind
 * RESOURCE_EXHAUSTED, not an exception of the internal memory module. Needs a JVM whose budget is two.
 */
class MemoryExhaustionTest {
    /** The child JVM's program: three memories under a budget of two reservations. */
    public static void main(String[] args) {
        try (Memory a = new Memory(new MemoryType(new Limits(1, java.util.OptionalLong.empty()), false, false));
             Memory b = new Memory(new MemoryType(new Limits(1, java.util.OptionalLong.empty()), false, false))) {
            new Memory(new MemoryType(new Limits(1, java.util.OptionalLong.empty()), false, false));
            System.out.println("third: made");
        } catch (RuntimeError e) {
            System.out.println("third: " + e.trap() + ": " + e.getMessage());
        }
    }

    @Test
    void pastTheBudgetIsResourceExhausted() throws IOException, InterruptedException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                "-Dgatun.memory.maxReservations=2", MemoryExhaustionTest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("third: RESOURCE_EXHAUSTED: resource exhausted: cannot allocate memory"), out);
    }
}
