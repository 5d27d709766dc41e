package dev.gatun.text;

import dev.gatun.CompileError;
import dev.gatun.Wat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Text to binary to text to binary over every printable module of the 2.0 spec suite, flat and folded:
 * the parser's bytes of the printed text must print to the same text and parse to the same bytes again.
 */
class TextPrinterRoundTripTest {
    @Test
    void printedTextParsesBackToStableBytes() throws Exception {
        Path dir = TextPrinterSpecTest.jsonDir();
        Assumptions.assumeTrue(dir != null, "spec suite not found");
        List<Path> wasms;
        try (Stream<Path> s = Files.list(dir)) {
            wasms = s.filter(f -> f.toString().endsWith(".wasm")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int stable = 0, identical = 0;
        for (Path f : wasms) {
            byte[] original = Files.readAllBytes(f);
            for (TextPrinter.Options o : List.of(TextPrinter.Options.FLAT, TextPrinter.Options.FOLDED)) {
                String t1;
                try {
                    t1 = Wat.print(original, o.folded());
                } catch (CompileError e) {
                    continue; // malformed: nothing to round-trip
                }
                try {
                    byte[] b1 = Wat.parse(t1);
                    String t2 = Wat.print(b1, o.folded());
                    byte[] b2 = Wat.parse(t2);
                    // Custom sections keep their bytes but not yet their place: compare them without it.
                    if (!Arrays.equals(b1, b2) || !withoutPlacement(t1).equals(withoutPlacement(t2))) {
                        failures.add(f.getFileName() + (o.folded() ? " folded" : " flat") + ": not stable");
                        continue;
                    }
                    stable++;
                    if (Arrays.equals(original, b1)) identical++;
                } catch (CompileError e) {
                    failures.add(f.getFileName() + (o.folded() ? " folded" : " flat") + ": " + e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) fail(failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        // Most spec binaries are what an encoder writes, so the text gives back their very bytes.
        assertTrue(stable > 7700 && identical > 7500, stable + " stable, " + identical + " identical to the original");
    }


    private static String withoutPlacement(String text) {
        return text.replaceAll("\\((before|after) [a-z]+\\)", "");
    }
}
