package dev.gatun.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Tier 2's output on disk: the generated classes of a module, and what the compile decided per function,
 * so the next process that compiles the same bytes with the same engine defines them instead of generating
 * them again (what wasmtime's cache does for its machine code). Used when the compile names a directory
 * ({@code CompileOptions.withClassCache}; the CLI's run does); everything that could make a stale entry wrong is in its key: the module's
 * bytes, this engine's own classes, the JVM, and the compile's flags. A missing, unreadable or mismatching
 * entry is a miss; a failed write is ignored.
 * <p>The directory is trusted as code: its classes run with the engine's rights, so it must be writable
 * only by the user running Gatun (the CLI's default is under the user's home).
 */
public final class ClassCache {
    private ClassCache() {}

    private static final int MAGIC = 0x47544E43; // "GTNC"
    private static final int FORMAT = 3;

    /** Compiles served from the cache in this process (tests and --stats read it). */
    static final java.util.concurrent.atomic.AtomicLong HITS = new java.util.concurrent.atomic.AtomicLong();

    /** What one compile decided and produced; the arrays are by defined function and by class. */
    record Entry(boolean[] ok, boolean[] noOsr, int[] methodBytes, int[] splitBytes, String[] why, byte[][] classes) {}

    /** The digest of a module's bytes and the rules they are decoded by, the part of a key that names the module. */
    public static byte[] digest(byte[] moduleBytes, boolean wasm2) {
        MessageDigest md = sha256();
        md.update((byte) (wasm2 ? 2 : 3));
        return md.digest(moduleBytes);
    }

    static byte[] key(byte[] moduleDigest, boolean metered, boolean osr) {
        MessageDigest md = sha256();
        md.update(("gatun-classes/" + FORMAT + "/" + Runtime.version() + "/" + System.getProperty("os.arch")
                + "/metered=" + metered + "/osr=" + osr + "/methodBytes=" + Compiler.maxMethodBytes()
                + "/classBytes=" + Compiler.classBytes() + "/").getBytes(StandardCharsets.UTF_8));
        md.update(EngineIdentity.DIGEST);
        md.update(moduleDigest);
        return md.digest();
    }

    static Entry load(Path dir, byte[] key, int nDef, int nClasses) {
        try {
            byte[] all = Files.readAllBytes(file(dir, key));
            // A checksum of what follows it: a torn or damaged file is a miss, never code that runs wrong.
            if (all.length < 8 || ByteBuffer.wrap(all).getLong() != checksum(all, 8)) return null;
            return read(new DataInputStream(new ByteArrayInputStream(all, 8, all.length - 8)), key, nDef, nClasses);
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    private static Entry read(DataInputStream in, byte[] key, int nDef, int nClasses) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) return null;
        // The entry names its own key: one copied or renamed from another module's is not taken for this one.
        if (!MessageDigest.isEqual(in.readNBytes(key.length), key) || in.readInt() != nDef || in.readInt() != nClasses) return null;
        Entry e = new Entry(new boolean[nDef], new boolean[nDef], new int[nDef], new int[nDef], new String[nDef], new byte[nClasses][]);
        for (int i = 0; i < nDef; i++) {
            e.ok[i] = in.readBoolean();
            e.noOsr[i] = in.readBoolean();
            e.methodBytes[i] = in.readInt();
            e.splitBytes[i] = in.readInt();
            e.why[i] = in.readBoolean() ? in.readUTF() : null;
        }
        for (int k = 0; k < nClasses; k++) {
            int n = in.readInt();
            if (n >= 0) e.classes[k] = in.readNBytes(n);
            if (n >= 0 && e.classes[k].length != n) return null;
        }
        return e;
    }

    static void store(Path dir, byte[] key, Entry e) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buf)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.write(key);
                out.writeInt(e.ok.length);
                out.writeInt(e.classes.length);
                for (int i = 0; i < e.ok.length; i++) {
                    out.writeBoolean(e.ok[i]);
                    out.writeBoolean(e.noOsr[i]);
                    out.writeInt(e.methodBytes[i]);
                    out.writeInt(e.splitBytes[i]);
                    out.writeBoolean(e.why[i] != null);
                    if (e.why[i] != null) out.writeUTF(e.why[i]);
                }
                for (byte[] c : e.classes) {
                    out.writeInt(c == null ? -1 : c.length);
                    if (c != null) out.write(c);
                }
            }
            Files.createDirectories(dir);
            byte[] payload = buf.toByteArray();
            // Written aside and moved into place, so a reader never sees half an entry.
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            try {
                try (var out = new DataOutputStream(Files.newOutputStream(tmp))) {
                    out.writeLong(checksum(payload, 0));
                    out.write(payload);
                }
                Files.move(tmp, file(dir, key), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException ex) {
            // A cache that cannot be written only costs the next process a compile.
        }
    }

    /** Whether the cache has an entry for this compile (not whether it loads). */
    static boolean has(Compiler.Cache cache, boolean metered, boolean osr) {
        try {
            return Files.isRegularFile(file(cache.dir(), key(cache.moduleDigest(), metered, osr)));
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** Drops the entry of key (its classes did not load). */
    static void evict(Path dir, byte[] key) {
        try {
            Files.deleteIfExists(file(dir, key));
        } catch (IOException | RuntimeException ex) {
            // Left for the next store to replace.
        }
    }

    /**
     * CRC-32C of bytes[from..] and their length: it catches torn and damaged files, which is all it is for (the
     * directory is trusted as code, and the key inside is what names the module). SHA-256 of a 2.6 MB entry
     * took 50 ms of a warm start, on a JVM that has not compiled it yet; this takes 1.
     */
    static long checksum(byte[] bytes, int from) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, bytes.length - from);
        return crc.getValue() << 32 | (bytes.length - from);
    }

    /** The file of key's entry. */
    private static Path file(Path dir, byte[] key) { return dir.resolve(HexFormat.of().formatHex(key) + ".classes"); }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every JDK has SHA-256
        }
    }

    /** A digest of the engine's own class files (its jar, or its classes directory): another build, another key. */
    private static final class EngineIdentity {
        static final byte[] DIGEST = compute();

        private static byte[] compute() {
            MessageDigest md = sha256();
            try {
                Path where = Path.of(ClassCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(where)) {
                    try (Stream<Path> s = Files.walk(where)) {
                        List<Path> classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                        for (Path p : classes) {
                            md.update(where.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                            md.update(Files.readAllBytes(p));
                        }
                    }
                } else {
                    try (InputStream in = Files.newInputStream(where)) {
                        byte[] b = new byte[1 << 16];
                        for (int n; (n = in.read(b)) > 0; ) md.update(b, 0, n);
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // Unknown provenance: a key no other process shares, so nothing stale is ever loaded.
                md.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            }
            return md.digest();
        }
    }
}
