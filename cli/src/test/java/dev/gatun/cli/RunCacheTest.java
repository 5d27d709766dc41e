package dev.gatun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.gatun.cli.MainTest.EXAMPLE;
import static dev.gatun.cli.MainTest.gatun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gatun run keeps tier 2's classes in --cache-dir (made private to the user), and in no directory with
 * --no-cache; gatun compile fills the cache so that a run loads the entry instead of writing it again.
 */
class RunCacheTest {
    private static long entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".classes")).count();
        }
    }

    @Test
    void aRunLeavesOneEntryThatTheNextRunUses(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cache");
        for (int i = 0; i < 2; i++) {
            MainTest.Result r = gatun("run", "--tier", "compiler", "--cache-dir", dir.toString(), "--invoke", "gcd", EXAMPLE.toString(), "48", "18");
            assertEquals(0, r.exit(), r.err());
            assertEquals("6", r.out().strip());
            assertEquals(1, entries(dir));
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void noCacheWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cache");
        MainTest.Result r = gatun("run", "--tier", "compiler", "--no-cache", "--cache-dir", dir.toString(), "--invoke", "gcd", EXAMPLE.toString(), "48", "18");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, entries(dir));
    }

    @Test
    void compilePrewarmsTheCacheARunThenUses(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cache");
        MainTest.Result c = gatun("compile", "--tier", "compiler", "--cache-dir", dir.toString(), EXAMPLE.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().startsWith("compiled "), c.out());
        Path entry;
        try (Stream<Path> s = Files.list(dir)) {
            entry = s.filter(p -> p.toString().endsWith(".classes")).findFirst().orElseThrow();
        }
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(entry);
        Thread.sleep(20);
        MainTest.Result r = gatun("run", "--tier", "compiler", "--cache-dir", dir.toString(), "--invoke", "gcd", EXAMPLE.toString(), "48", "18");
        assertEquals("6", r.out().strip(), r.err());
        assertEquals(written, Files.getLastModifiedTime(entry), "a hit leaves the entry as it was");
        assertEquals(1, entries(dir));
    }

    @Test
    void theInterpreterHasNothingToCompile() {
        MainTest.Result c = gatun("compile", "--tier", "interpreter", EXAMPLE.toString());
        assertEquals(2, c.exit());
    }
}
