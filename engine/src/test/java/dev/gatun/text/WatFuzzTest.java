package dev.gatun.text;

import static org.junit.jupiter.api.Assertions.*;

import dev.gatun.CompileError;
import dev.gatun.model.CompileFailure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Mutated spec scripts (fixed seed, so a failure reproduces): whatever the text, the reader either yields a
 * module binary or throws {@link CompileError}; never another exception, a stack overflow or a hang.
 */
class WatFuzzTest {
    private static final String[] TOKENS = {"(", ")", "((", "))", "$x", "$", "0x", "0x1p", "-0", "1_", "nan:0x1",
            "inf", "i32.const", "f64.const", "v128.const", "i8x16", "\"", "\"\\", "\\u{", "(;", ";)", ";;", "\n",
            "end", "else", "block", "loop", "if", "then", "try_table", "catch", "(catch", "delegate", "(type 0)",
            "(param i32)", "(result)", "(ref null", "offset=", "align=3", "(@custom \"a\"", "(@x", "func", "(elem",
            "(data", "(memory i64", "(table", "\u00e9", "\u0000", "\u0007", "9999999999999999999999", "(rec", "(sub"};

    @Test
    void mutatedScriptsOnlyEverFailWithCompileError() throws IOException {
        Path dir = Stream.of("../../shared/wasm-testsuite/wast", "../shared/wasm-testsuite/wast")
                .map(p -> Path.of(p).toAbsolutePath().normalize()).filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(dir != null, "2.0 .wast suite not found next to the repository");
        List<String> corpus;
        try (Stream<Path> s = Files.list(dir)) {
            corpus = s.filter(p -> p.toString().endsWith(".wast")).sorted().map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).filter(t -> t.length() < 60_000).toList();
        }
        assertFalse(corpus.isEmpty());
        Random rnd = new Random(20261202);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int n = 0; n < 3000; n++) {
                String src = corpus.get(rnd.nextInt(corpus.size()));
                // A window of a few modules, so that each mutant is cheap and mutations land in module text.
                int from = rnd.nextInt(Math.max(1, src.length() - 4000));
                int open = src.indexOf("(module", from);
                if (open < 0) open = 0;
                String text = mutate(src.substring(open, Math.min(src.length(), open + 1000 + rnd.nextInt(3000))), rnd);
                outcomes[parse(text) ? 0 : 1]++;
            }
        });
        // Both kinds of outcome occur, so the mutants neither all break the lexer nor all leave modules intact.
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "parsed " + outcomes[0] + ", rejected " + outcomes[1]);
    }

    /** True when every module in the text parsed, false when one was rejected with a CompileError. */
    private static boolean parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            for (SExpr form : Lexer.parse(bytes)) {
                if (form.isList("module")) ModuleParser.module(form);
                else if (form.size() > 1 && form.kid(1).isList("module")) ModuleParser.module(form.kid(1));
            }
            return true;
        } catch (CompileFailure e) {
            assertEquals(CompileFailure.Kind.MALFORMED, e.kind);
            assertTrue(e.line > 0, e.getMessage());
            return false;
        } catch (Throwable t) {
            fail("not a CompileError on mutant:\n" + text, t);
            return false;
        }
    }

    private static String mutate(String s, Random rnd) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(4);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(5)) {
                case 0 -> b.delete(at, Math.min(b.length(), at + 1 + rnd.nextInt(20)));
                case 1 -> b.insert(at, TOKENS[rnd.nextInt(TOKENS.length)]);
                case 2 -> b.setCharAt(at, (char) rnd.nextInt(128));
                case 3 -> {
                    int len = Math.min(b.length() - at, 1 + rnd.nextInt(200));
                    b.insert(rnd.nextInt(b.length()), b.substring(at, at + len));
                }
                default -> {
                    // Deep nesting: the reader must refuse it, not overflow the stack.
                    if (rnd.nextInt(20) == 0) b.insert(at, "(block ".repeat(5000));
                    else b.insert(at, " " + TOKENS[rnd.nextInt(TOKENS.length)] + " ");
                }
            }
        }
        return b.toString();
    }
}
