package dev.gatun.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's virtual size from /proc/self/status (Linux). */
final class ProcStatus {
    private ProcStatus() {}

    /** Skips the calling test where there is no /proc (not Linux). */
    static void assumeAvailable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")),
                "needs /proc/self/status");
    }

    static long vmSizeBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmSize:")) {
                String[] parts = line.substring(7).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IOException("no VmSize in /proc/self/status");
    }
}
