package dev.gatun.wasi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves guest paths beneath a directory capability without ever leaving it.
 *
 * <p>Resolution walks the path one component at a time. Each intermediate directory is opened relative to
 * its parent's handle with NOFOLLOW (openat with O_NOFOLLOW underneath {@link SecureDirectoryStream}), so a
 * directory swapped for a symlink between our check and the open makes the open fail instead of escaping.
 * Symlinks are expanded here, by reading them and splicing their target into the remaining path; an
 * absolute target or a {@code ..} that would climb above the starting directory is refused with
 * ENOTCAPABLE. The caller acts on the last component relative to the returned directory handle, again with
 * NOFOLLOW.
 */
final class Sandbox {
    private Sandbox() {}

    /** Symlink expansions allowed per resolution, as Linux's MAXSYMLINKS. */
    static final int MAX_SYMLINKS = 40;

    static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** A directory entry as fd_readdir reports it. */
    record DirEntry(String name, long ino, byte type) {}

    /** The directory holding the last component of a resolved path, and that component. */
    static final class Resolved implements AutoCloseable {
        final SecureDirectoryStream<Path> dir;
        final Path dirHost;
        final String name; // one component, or "." for the directory itself
        final boolean trailingSlash;
        private final List<SecureDirectoryStream<Path>> owned;

        Resolved(SecureDirectoryStream<Path> dir, Path dirHost, String name, boolean trailingSlash,
                List<SecureDirectoryStream<Path>> owned) {
            this.dir = dir;
            this.dirHost = dirHost;
            this.name = name;
            this.trailingSlash = trailingSlash;
            this.owned = owned;
        }

        Path rel() { return Path.of(name); }

        /** Host path of the target, for the few operations SecureDirectoryStream lacks. */
        Path host() { return name.equals(".") ? dirHost : dirHost.resolve(name); }

        /** lstat of the last component relative to the directory handle, or null if it does not exist. */
        BasicFileAttributes lstat() throws IOException {
            return Sandbox.lstat(dir, rel());
        }

        @Override
        public void close() {
            for (var s : owned) {
                try { s.close(); } catch (IOException ignored) { /* nothing to recover */ }
            }
        }
    }

    private record Frame(SecureDirectoryStream<Path> dir, Path host) {}

    static BasicFileAttributes lstat(SecureDirectoryStream<Path> dir, Path rel) throws IOException {
        try {
            return dir.getFileAttributeView(rel, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static PosixFileAttributeView posixView(SecureDirectoryStream<Path> dir, Path rel) {
        return dir.getFileAttributeView(rel, PosixFileAttributeView.class, NOFOLLOW);
    }

    /**
     * Resolves {@code path} beneath {@code base}.
     *
     * @param followFinal whether a symlink in the last component is followed (LOOKUPFLAGS_SYMLINK_FOLLOW)
     */
    static Resolved resolve(Fd.Dir base, String path, boolean followFinal) throws Errno.WasiError, IOException {
        if (path.isEmpty()) throw Errno.error(Errno.NOENT);
        if (path.indexOf('\0') >= 0) throw Errno.error(Errno.ILSEQ);
        if (path.startsWith("/")) throw Errno.error(Errno.NOTCAPABLE);
        boolean trailingSlash = path.endsWith("/");
        Deque<String> pending = new ArrayDeque<>();
        split(path, pending);
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(base.stream, base.hostPath));
        List<SecureDirectoryStream<Path>> owned = new ArrayList<>();
        int links = 0;
        boolean ok = false;
        try {
            String last = ".";
            while (!pending.isEmpty()) {
                String c = pending.pollFirst();
                boolean isLast = pending.isEmpty();
                if (c.equals(".")) {
                    if (isLast) last = ".";
                    continue;
                }
                Frame top = stack.getLast();
                if (c.equals("..")) {
                    // Never opened on the host: climbing is popping our own stack, and the bottom is the capability.
                    if (stack.size() == 1) throw Errno.error(Errno.NOTCAPABLE);
                    stack.removeLast();
                    owned.remove(top.dir);
                    top.dir.close();
                    if (isLast) last = ".";
                    continue;
                }
                Path rel = Path.of(c);
                BasicFileAttributes a = lstat(top.dir, rel);
                if (a != null && a.isSymbolicLink() && (!isLast || followFinal || trailingSlash)) {
                    if (++links > MAX_SYMLINKS) throw Errno.error(Errno.LOOP);
                    String target = Files.readSymbolicLink(anchored(top.dir, c)).toString();
                    // An absolute target names a host path: outside every capability.
                    if (target.startsWith("/") || target.isEmpty()) throw Errno.error(Errno.NOTCAPABLE);
                    Deque<String> spliced = new ArrayDeque<>();
                    split(target, spliced);
                    if (target.endsWith("/") && isLast) trailingSlash = true;
                    while (!spliced.isEmpty()) pending.addFirst(spliced.pollLast());
                    if (pending.isEmpty()) last = ".";
                    continue;
                }
                if (isLast) {
                    last = c;
                    break;
                }
                if (a == null) throw Errno.error(Errno.NOENT);
                if (!a.isDirectory()) throw Errno.error(Errno.NOTDIR);
                // openat(O_NOFOLLOW): if c became a symlink since the lstat above, this fails with ELOOP.
                SecureDirectoryStream<Path> child;
                try {
                    DirectoryStream<Path> ds = top.dir.newDirectoryStream(rel, NOFOLLOW);
                    child = (SecureDirectoryStream<Path>) ds;
                } catch (IOException e) {
                    int errno = Errno.of(e);
                    throw Errno.error(errno == Errno.IO ? Errno.NOTDIR : errno);
                }
                owned.add(child);
                stack.add(new Frame(child, top.host.resolve(c)));
            }
            Frame top = stack.getLast();
            Resolved r = new Resolved(top.dir, top.host, last, trailingSlash, owned);
            ok = true;
            return r;
        } finally {
            if (!ok) {
                for (var s : owned) {
                    try { s.close(); } catch (IOException ignored) { /* nothing to recover */ }
                }
            }
        }
    }

    private static void split(String path, Deque<String> out) {
        for (String c : path.split("/")) {
            if (!c.isEmpty()) out.addLast(c);
        }
    }

    private static final Path PROC_FDS = Path.of("/proc/self/fd");

    /**
     * A host path for the last component of {@code r} that cannot be redirected by swapping components of
     * the directory's own path, for the operations SecureDirectoryStream lacks (mkdir, symlink, link,
     * readlink): {@code /proc/self/fd/N/name}, where descriptor N is open on the very directory the handle
     * holds (same device and inode). The kernel resolves that magic link to the open directory, not by
     * path. Where there is no /proc (not Linux), these operations are refused with ENOTSUP rather than
     * done by a path that a concurrent swap could turn outside.
     */
    static Path anchored(Resolved r) throws IOException, Errno.WasiError {
        if (r.name.equals(".")) throw Errno.error(Errno.EXIST);
        return anchored(r.dir, r.name);
    }

    static Path anchored(SecureDirectoryStream<Path> dir, String name) throws IOException, Errno.WasiError {
        Object key = dir.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        if (key == null || !Files.isDirectory(PROC_FDS)) throw Errno.error(Errno.NOTSUP);
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC_FDS)) {
            for (Path fd : fds) {
                try {
                    BasicFileAttributes a = Files.readAttributes(fd, BasicFileAttributes.class); // through the magic link
                    if (a.isDirectory() && key.equals(a.fileKey())) return fd.resolve(name);
                } catch (IOException closedMeanwhile) {
                    // some other descriptor went away while we looked; not ours, ours is open
                }
            }
        }
        throw Errno.error(Errno.NOTSUP);
    }

    /** Maps host file attributes to a WASI filetype. */
    static byte filetype(BasicFileAttributes a) {
        if (a.isRegularFile()) return Abi.FILETYPE_REGULAR_FILE;
        if (a.isDirectory()) return Abi.FILETYPE_DIRECTORY;
        if (a.isSymbolicLink()) return Abi.FILETYPE_SYMBOLIC_LINK;
        return Abi.FILETYPE_UNKNOWN;
    }

    /** Device and inode from the JDK's file key, whose text is "(dev=HEX,ino=DEC)" on Unix. */
    static long[] devIno(BasicFileAttributes a) { return devIno(a.fileKey()); }

    static long[] devIno(Object key) {
        long dev = 0, ino = 0;
        if (key != null) {
            String s = key.toString();
            int d = s.indexOf("dev="), i = s.indexOf("ino=");
            try {
                if (d >= 0) dev = Long.parseUnsignedLong(s.substring(d + 4, s.indexOf(',', d)), 16);
                if (i >= 0) {
                    int end = i + 4;
                    while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
                    ino = Long.parseUnsignedLong(s.substring(i + 4, end));
                }
            } catch (RuntimeException ignored) {
                // An unexpected key format only loses dev/ino, which WASI programs rarely need.
            }
        }
        return new long[] {dev, ino};
    }
}
