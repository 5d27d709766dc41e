package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard streams: each one's file type, set by the embedder or found per host descriptor, and host I/O errors as errnos. */
class WasiStdioTest {
    static final Path DEV_FULL = Path.of("/dev/full");

    private static int filetype(Guest g, int fd, String how) {
        int st = g.alloc(64);
        assertEquals(0, g.call(how, fd, st));
        return g.u8(st + (how.equals("fd_filestat_get") ? 16 : 0));
    }

    @Test
    void embedderSaysWhatEachStreamIs() {
        try (Guest g = new Guest(Wasi.builder()
                .stdin(InputStream.nullInputStream(), FileType.REGULAR_FILE)
                .stdout(new ByteArrayOutputStream(), FileType.CHARACTER_DEVICE)
                .stderr(new ByteArrayOutputStream(), FileType.SOCKET_STREAM).build())) {
            for (String how : List.of("fd_fdstat_get", "fd_filestat_get")) {
                assertEquals(Abi.FILETYPE_REGULAR_FILE, filetype(g, 0, how), how);
                assertEquals(Abi.FILETYPE_CHARACTER_DEVICE, filetype(g, 1, how), how);
                assertEquals(Abi.FILETYPE_SOCKET_STREAM, filetype(g, 2, how), how);
            }
        }
        // The setters without a type still say nothing.
        try (Guest g = new Guest(Wasi.builder().stdout(new ByteArrayOutputStream()).build())) {
            for (int fd = 0; fd <= 2; fd++) assertEquals(Abi.FILETYPE_UNKNOWN, filetype(g, fd, "fd_fdstat_get"));
        }
    }

    @Test
    void hostModesMapAsNodeReportsThem() {
        assertEquals(FileType.CHARACTER_DEVICE, FileType.ofMode(0020620)); // a pty
        assertEquals(FileType.REGULAR_FILE, FileType.ofMode(0100644));
        assertEquals(FileType.SOCKET_STREAM, FileType.ofMode(0010600));   // a pipe
        assertEquals(FileType.SOCKET_STREAM, FileType.ofMode(0140777));   // a socket
        assertEquals(FileType.BLOCK_DEVICE, FileType.ofMode(0060660));
        assertEquals(FileType.UNKNOWN, FileType.ofMode(0040755));         // a directory is no stream type
    }

    @Test
    void aFullDeviceIsEnospcNotSuccess() throws Exception {
        assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        try (FileOutputStream full = new FileOutputStream(DEV_FULL.toFile());
                Guest g = new Guest(Wasi.builder().stdout(full).stderr(new PrintStream(new FileOutputStream(DEV_FULL.toFile()))).build())) {
            assertEquals(Errno.NOSPC, g.writeFd(1, "lost".getBytes()));
            // A PrintStream keeps only "an error happened": EIO, still not success.
            assertEquals(Errno.IO, g.writeFd(2, "lost".getBytes()));
        }
    }

    @Test
    void aFailingStdinIsAnErrnoNotEndOfFile() {
        InputStream broken = new InputStream() {
            @Override public int read() throws IOException { throw new IOException("Input/output error"); }
        };
        try (Guest g = new Guest(Wasi.builder().stdin(broken).build())) {
            int buf = g.alloc(16), n = g.alloc(4);
            assertEquals(Errno.IO, g.call("fd_read", 0, g.iovec(buf, 16), 1, n));
        }
    }

    // ------------------------------------------------ inheritStdio, in a child JVM with redirected descriptors

    private static List<String> probeCommand(Path result) {
        String cp = System.getProperty("java.class.path", "");
        String mp = System.getProperty("jdk.module.path", "");
        // Everything on the class path: the probe is in the module's package, as a plain class-path program.
        String path = Path.of("target/test-classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target/classes").toAbsolutePath() + File.pathSeparator + mp + File.pathSeparator + cp;
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", path, StdioProbe.class.getName(), result.toString());
    }

    private static String probe(ProcessBuilder pb, Path result) throws Exception {
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("probe timed out");
        }
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(0, p.exitValue(), err);
        return Files.readString(result).strip();
    }

    private static String types(int t0, int t1, int t2, int errno) { return t0 + " " + t1 + " " + t2 + " " + errno; }

    @Test
    void inheritStdioAsksEachDescriptor(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/dev/fd")), "needs /dev/fd");
        Path in = Files.writeString(tmp.resolve("in.txt"), "input"), out = tmp.resolve("out.txt"), r = tmp.resolve("r");
        // stdin a file, stdout a file, stderr a pipe: three answers, not one for all.
        ProcessBuilder pb = new ProcessBuilder(probeCommand(r)).redirectInput(in.toFile()).redirectOutput(out.toFile());
        assertEquals(types(Abi.FILETYPE_REGULAR_FILE, Abi.FILETYPE_REGULAR_FILE, Abi.FILETYPE_SOCKET_STREAM, 0), probe(pb, r));
        assertEquals("probe\n", Files.readString(out));
        // stdin a pipe, stdout the full device (a character device, and every write fails as on Node: ENOSPC).
        if (Files.isWritable(DEV_FULL)) {
            pb = new ProcessBuilder(probeCommand(r)).redirectOutput(DEV_FULL.toFile()).redirectError(out.toFile());
            assertEquals(types(Abi.FILETYPE_SOCKET_STREAM, Abi.FILETYPE_CHARACTER_DEVICE, Abi.FILETYPE_REGULAR_FILE, Errno.NOSPC), probe(pb, r));
        }
    }

    @Test
    void aTerminalStdoutIsACharacterDeviceWhileStdinIsRedirected(@TempDir Path tmp) throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script) && Files.isDirectory(Path.of("/dev/fd")), "needs util-linux script(1) for a pty");
        Path in = Files.writeString(tmp.resolve("in.txt"), "input"), err = tmp.resolve("err.txt"), r = tmp.resolve("r");
        StringBuilder cmd = new StringBuilder();
        for (String a : probeCommand(r)) cmd.append('\'').append(a.replace("'", "'\\''")).append("' ");
        cmd.append("<'").append(in).append("' 2>'").append(err).append('\'');
        // script(1) runs the command on a new pty: stdout is a terminal, stdin and stderr are files.
        List<String> c = new ArrayList<>(List.of(script.toString(), "-qec", cmd.toString(), "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        assertEquals(types(Abi.FILETYPE_REGULAR_FILE, Abi.FILETYPE_CHARACTER_DEVICE, Abi.FILETYPE_REGULAR_FILE, 0), probe(pb, r));
    }
}
