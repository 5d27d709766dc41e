package dev.gatun.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where {@code gatun run} keeps tier 2's class cache ({@code CompileOptions.withClassCache}): on by default, as
 * wasmtime's CLI caches its code, in the user's own cache directory, created readable and writable by the
 * user alone because its classes run as the engine's own code.
 */
final class CodeCacheDir {
    private CodeCacheDir() {}

    /** {@code -Dgatun.cache.dir} if set, else {@code $XDG_CACHE_HOME/gatun}, else {@code ~/.cache/gatun}; null without a home. */
    static Path standard() {
        String set = System.getProperty("gatun.cache.dir");
        if (set != null) return set.isBlank() ? null : Path.of(set);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "gatun");
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "gatun");
    }

    /** {@code dir}, created if need be; null (no cache rather than a failed run) for null or one that cannot be made. */
    static Path usable(Path dir) {
        if (dir != null && !Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir.getParent() != null ? dir.getParent() : dir);
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException | UnsupportedOperationException e) {
                if (!Files.isDirectory(dir)) dir = null;
            }
        }
        return dir;
    }
}
