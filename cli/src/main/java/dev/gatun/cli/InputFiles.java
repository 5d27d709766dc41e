package dev.gatun.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    private static final int CHUNK = 16 << 20;

    static byte[] read(Path file) { return read(file, cap()); }

    static byte[] read(Path file, long cap) {
        cap = Math.min(cap, Integer.MAX_VALUE - 16); // a Java array's limit
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (size > cap) throw tooLarge(file, cap);
            // A regular file is read into one array of its size; devices and pipes (size unknown) into 16 MiB
            // chunks, so reaching the cap on /dev/zero costs one pass and no copying of ever larger arrays.
            List<byte[]> chunks = new ArrayList<>();
            long total = 0;
            while (true) {
                byte[] chunk = new byte[size >= 0 && chunks.isEmpty() ? (int) size + 1 : CHUNK];
                int n = in.readNBytes(chunk, 0, chunk.length);
                total += n;
                if (total > cap) throw tooLarge(file, cap);
                chunks.add(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
                if (n < chunk.length) break;
            }
            if (chunks.size() == 1) return chunks.getFirst();
            byte[] all = new byte[(int) total];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, all, at, c.length);
                at += c.length;
            }
            return all;
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
