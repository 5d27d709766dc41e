package dev.gatun.wasi;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a standard stream is, as the guest's {@code fd_fdstat_get} and {@code fd_filestat_get} report it.
 * A guest libc decides from it how to buffer: wasi-libc's {@code isatty()} is true only for
 * {@link #CHARACTER_DEVICE} (a terminal), and stdout is then line-buffered instead of fully buffered.
 */
public enum FileType {
    /** Nothing said about the stream: what the stream setters without a type report. */
    UNKNOWN(Abi.FILETYPE_UNKNOWN),
    BLOCK_DEVICE(Abi.FILETYPE_BLOCK_DEVICE),
    /** A terminal (or another character device, such as /dev/null). */
    CHARACTER_DEVICE(Abi.FILETYPE_CHARACTER_DEVICE),
    REGULAR_FILE(Abi.FILETYPE_REGULAR_FILE),
    SOCKET_DGRAM(Abi.FILETYPE_SOCKET_DGRAM),
    /** A stream socket, and also a pipe: preview1 has no pipe type, and Node reports pipes so. */
    SOCKET_STREAM(Abi.FILETYPE_SOCKET_STREAM);

    final byte code;

    FileType(byte code) { this.code = code; }

    /**
     * The type of this process's descriptor {@code fd} (0, 1 or 2), from an fstat of that descriptor as
     * Node does for each of them; {@link #UNKNOWN} where the platform offers no {@code /dev/fd}.
     */
    static FileType ofHostDescriptor(int fd) {
        try {
            // /dev/fd/N (Linux: /proc/self/fd/N) names the open descriptor; stat through it is fstat(N).
            Object mode = Files.getAttribute(Path.of("/dev/fd/" + fd), "unix:mode");
            return ofMode((Integer) mode);
        } catch (Exception e) {
            return UNKNOWN; // no /dev/fd or no unix attribute view: say nothing rather than guess
        }
    }

    /** Maps a POSIX st_mode to the stream type, as Node's uvwasi does. */
    static FileType ofMode(int mode) {
        return switch (mode & 0170000) {
            case 0020000 -> CHARACTER_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            case 0100000 -> REGULAR_FILE;
            case 0010000, 0140000 -> SOCKET_STREAM; // FIFO and socket
            default -> UNKNOWN;
        };
    }
}
