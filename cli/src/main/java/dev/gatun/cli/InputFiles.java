package dev.gatun.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads an input file whole, but never more than a cap: /dev/zero or a runaway pipe is a usage error, not an OutOfMemoryError. */
final class InputFiles {
    private InputFiles() {}

    /** 1 GiB: far above any real module, below what a default JVM heap can hold twice. */
    static final long DEFAULT_CAP = 1L << 30;

    /** The cap in bytes: -Dgatun.maxInputBytes, else {@link #DEFAULT_CAP}. */
    static long cap() {
        String p = System.getProperty("gatun.maxInputBytes");
        if (p == null) return DEFAULT_CAP;
        try {
            return Long.parseLong(p.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_CAP;
        }
    }

    static byte[] read(Path file) { return read(file, cap()); }

    static byte[] read(Path file, long cap) {
        cap = Math.min(cap, Integer.MAX_VALUE - 16); // a Java array's limit
        try (InputStream in = Files.newInputStream(file)) {
            // Devices and pipes report size 0, so the size only sizes the first buffer; the loop enforces the cap.
            long size = Files.isRegularFile(file) ? Files.size(file) : 0;
            if (size > cap) throw tooLarge(file, cap);
            byte[] buf = new byte[(int) Math.max(Math.min(size + 1, cap + 1), 8192)];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > cap) throw tooLarge(file, cap);
                    buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * n, 8192), cap + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) break;
                n += r;
                if (n > cap) throw tooLarge(file, cap);
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        } catch (NoSuchFileException e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, "no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, "permission denied: " + file);
        } catch (IOException e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, "cannot read " + file + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, file + " does not fit in the JVM heap; raise -Xmx in GATUN_JAVA_OPTS");
        }
    }

    private static Cli.Failure tooLarge(Path file, long cap) {
        return new Cli.Failure(Cli.EXIT_USAGE, file + " is larger than " + sizeText(cap)
                + " (the input limit, -Dgatun.maxInputBytes in GATUN_JAVA_OPTS)");
    }

    static String sizeText(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }
}
