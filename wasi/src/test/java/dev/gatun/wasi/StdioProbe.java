package dev.gatun.wasi;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link WasiStdioTest} with its descriptors 0-2 redirected: writes to the file named
 * by its argument what a guest of {@code inheritStdio()} is told about each stream (the fd_fdstat_get file
 * type of fds 0, 1 and 2) and the errno of one fd_write to stdout, as "T0 T1 T2 ERRNO".
 */
public final class StdioProbe {
    private StdioProbe() {}

    public static void main(String[] args) throws Exception {
        try (Guest g = new Guest(Wasi.builder().inheritStdio().build())) {
            StringBuilder sb = new StringBuilder();
            for (int fd = 0; fd <= 2; fd++) {
                int st = g.alloc(24);
                int e = g.call("fd_fdstat_get", fd, st);
                sb.append(e == 0 ? g.u8(st) : -e).append(' ');
            }
            sb.append(g.writeFd(1, "probe\n".getBytes()));
            Files.writeString(Path.of(args[0]), sb.toString());
        }
    }
}
