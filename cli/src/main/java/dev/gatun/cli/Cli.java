package dev.gatun.cli;

import dev.gatun.WebAssemblyException;

import java.nio.file.Path;

/** Shared helpers and exit codes of the subcommands. */
final class Cli {
    private Cli() {}

    /** The module is malformed or invalid, instantiation failed, or the program trapped. */
    static final int EXIT_FAILED = 1;
    /** Bad usage or unreadable input. */
    static final int EXIT_USAGE = 2;
    /** Something Gatun itself got wrong. */
    static final int EXIT_INTERNAL = 70;

    /** A failure with a message meant for the user and an exit code. */
    /** The --tier option's value: interpreter, compiler or tiered (any case); null means the default (gatun.tier). */
    static dev.gatun.Tier tier(String name) {
        if (name == null) return dev.gatun.Tier.fromProperty();
        try {
            return dev.gatun.Tier.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Failure(EXIT_USAGE, "--tier must be interpreter, compiler or tiered, got '" + name + "'");
        }
    }

    static final class Failure extends RuntimeException {
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /** The whole file, at most {@link InputFiles#cap()} bytes; unreadable or too large is a usage error. */
    static byte[] read(Path file) {
        return InputFiles.read(file);
    }

    /**
     * The module binary in {@code bytes}: a text-format module (recognised by content: optional white space
     * and comments, then "(") is parsed first, so every command accepts .wat as it accepts .wasm.
     *
     * @throws dev.gatun.CompileError when the text is malformed
     */
    static byte[] binary(byte[] bytes) {
        return dev.gatun.Wat.looksLikeText(bytes) ? dev.gatun.Wat.parse(bytes) : bytes;
    }

    /** {@link #binary(byte[])}, with a malformed text reported as a failure of {@code file}. */
    static byte[] binary(Path file, byte[] bytes) {
        try {
            return binary(bytes);
        } catch (dev.gatun.CompileError e) {
            throw new Failure(EXIT_FAILED, file + ": " + ValidateCommand.describe(e));
        }
    }

    /** One line for the user: the Wasm error's own message; for anything else its class too. */
    static String message(Throwable t) {
        return switch (t) {
            case Failure f -> f.getMessage();
            case WebAssemblyException w -> firstLine(w.getMessage());
            case StackOverflowError e -> "internal error: Java stack overflow";
            case OutOfMemoryError e -> "out of memory";
            default -> "internal error: " + t;
        };
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
