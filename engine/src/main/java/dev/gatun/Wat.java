package dev.gatun;

import dev.gatun.model.CompileFailure;
import dev.gatun.text.ModuleParser;
import dev.gatun.text.TextPrinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The WebAssembly text format: {@link #parse(String)} turns a module written as text ({@code (module ...)},
 * or just its fields) into the module binary that {@link WebAssembly#compile(byte[])} takes, and
 * {@link #print(byte[])} turns a binary back into text.
 * A malformed text is a {@link CompileError} of kind MALFORMED whose {@link CompileError#line()} and
 * {@link CompileError#column()} say where; nothing else escapes, whatever the input.
 */
public final class Wat {
    private Wat() {}

    /** The binary encoding of the module {@code text}. */
    public static byte[] parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The binary encoding of the module in the UTF-8 text {@code utf8}. */
    public static byte[] parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        try {
            return ModuleParser.text(utf8).binary();
        } catch (CompileFailure e) {
            throw CompileError.of(e);
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug must still look like a rejected module, not crash the caller.
            throw new CompileError(CompileError.Kind.MALFORMED, 1, 1, "cannot parse text: " + e);
        }
    }

    /**
     * The module binary {@code wasm} in the text format, flat, with the names of its name section;
     * {@link #parse(String)} of the result gives an equivalent module.
     *
     * @throws CompileError (MALFORMED, with the byte offset) if {@code wasm} cannot be decoded
     */
    public static String print(byte[] wasm) {
        return print(wasm, false);
    }

    /** As {@link #print(byte[])}; {@code folded} nests operands inside their instructions. */
    public static String print(byte[] wasm, boolean folded) {
        Objects.requireNonNull(wasm, "wasm");
        try {
            return TextPrinter.print(wasm, folded ? TextPrinter.Options.FOLDED : TextPrinter.Options.FLAT);
        } catch (CompileFailure e) {
            throw CompileError.of(e);
        }
    }

    /** The binary encoding of the module in the text file {@code file}. */
    public static byte[] parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /**
     * Whether {@code bytes} look like the text format rather than a binary: after optional whitespace and
     * comments, the first character is {@code (}.
     */
    public static boolean looksLikeText(byte[] bytes) {
        int i = 0, n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') i++;
            else if (b == ';' && i + 1 < n && bytes[i + 1] == ';') {
                while (i < n && bytes[i] != '\n') i++;
            } else if (b == '(' && i + 1 < n && bytes[i + 1] == ';') {
                int depth = 0;
                while (i < n) {
                    if (bytes[i] == '(' && i + 1 < n && bytes[i + 1] == ';') { depth++; i += 2; }
                    else if (bytes[i] == ';' && i + 1 < n && bytes[i + 1] == ')') { i += 2; if (--depth == 0) break; }
                    else i++;
                }
            } else return b == '(';
        }
        return false;
    }
}
