package dev.gatun.binary;

import dev.gatun.testing.SpecSuite;
import dev.gatun.CompileError;
import dev.gatun.model.CompileFailure;
import dev.gatun.WebAssembly;
import dev.gatun.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated spec modules (truncations and random byte changes) must decode and validate to a module or
 * a CompileError: never another exception, never a hang. Fixed seed, so failures reproduce.
 */
class RobustnessTest {
    private static final int FLIPS_PER_MODULE = 24;
    private static final int TRUNCATIONS_PER_MODULE = 24;

    @Test
    void mutatedSpecModulesFailCleanly() throws Exception {
        Path dir = SpecSuite.jsonDir();
        Assumptions.assumeTrue(dir != null, "spec test suite not found");
        List<Path> files = SpecSuite.wasmFiles(dir);
        List<String> failures = new ArrayList<>();
        long[] stats = new long[3]; // inputs, compiled, rejected
        SplittableRandom seeds = new SplittableRandom(0x6A7C_2026L);
        for (Path f : files) {
            byte[] original = Files.readAllBytes(f);
            long seed = seeds.nextLong();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> mutate(f.getFileName().toString(), original, seed, failures, stats),
                    () -> "hang on mutations of " + f.getFileName());
        }
        System.out.printf("robustness: %d modules, %d inputs, %d compiled, %d rejected with CompileError, %d failures%n",
                files.size(), stats[0], stats[1], stats[2], failures.size());
        failures.stream().limit(50).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    private static void mutate(String name, byte[] original, long seed, List<String> failures, long[] stats) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = original.length;
        // Truncations: every length for small modules, else a sample biased to both ends.
        if (n <= TRUNCATIONS_PER_MODULE) {
            for (int len = 0; len < n; len++) check(name + " truncated to " + len, Arrays.copyOf(original, len), failures, stats, len % 4 == 0);
        } else {
            for (int i = 0; i < TRUNCATIONS_PER_MODULE; i++) {
                int len = switch (i % 3) {
                    case 0 -> rnd.nextInt(Math.min(n, 16));
                    case 1 -> n - 1 - rnd.nextInt(Math.min(n, 16));
                    default -> rnd.nextInt(n);
                };
                check(name + " truncated to " + len, Arrays.copyOf(original, len), failures, stats, i % 4 == 0);
            }
        }
        // Byte changes: random values, single bit flips, and LEB-breaking 0x80/0xFF bytes.
        for (int i = 0; i < FLIPS_PER_MODULE && n > 8; i++) {
            byte[] b = original.clone();
            int at = 8 + rnd.nextInt(n - 8);
            int v = switch (i % 4) {
                case 0 -> rnd.nextInt(256);
                case 1 -> b[at] ^ (1 << rnd.nextInt(8));
                case 2 -> 0x80 | rnd.nextInt(128);
                default -> 0xFF;
            };
            b[at] = (byte) v;
            if (i % 3 == 2) {   // a second change elsewhere
                int at2 = 8 + rnd.nextInt(n - 8);
                b[at2] = (byte) rnd.nextInt(256);
            }
            check(name + " byte " + at + " := " + (v & 0xFF), b, failures, stats, i % 6 == 0);
        }
    }

    private static void check(String what, byte[] bytes, List<String> failures, long[] stats, boolean alsoStreaming) {
        stats[0]++;
        String array = outcome(() -> Validator.validate(ModuleDecoder.decode(bytes)));
        if (array.startsWith("FAIL")) {
            failures.add(what + ": " + array);
            return;
        }
        if (array.equals("ok")) stats[1]++; else stats[2]++;
        // The public API must agree and must never leak a raw exception either.
        String api = outcome(() -> WebAssembly.compile(bytes));
        if (!api.equals(array)) failures.add(what + ": compile() gave " + api + ", decoder " + array);
        if (alsoStreaming) {
            String stream = outcome(() -> WebAssembly.compileStreaming(new ByteArrayInputStream(bytes)));
            if (!stream.equals(array)) failures.add(what + ": compileStreaming() gave " + stream + ", decoder " + array);
        }
    }

    private static String outcome(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (CompileError e) {
            return e.kind() + " " + e.reason() + " @" + e.offset();
        } catch (CompileFailure e) {
            return e.kind + " " + e.reason + " @" + e.offset;
        } catch (Throwable t) {
            return "FAIL " + t;
        }
    }
}
