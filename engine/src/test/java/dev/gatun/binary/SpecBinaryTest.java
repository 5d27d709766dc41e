package dev.gatun.binary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatun.testing.SpecSuite;
import dev.gatun.CompileError;
import dev.gatun.Tier;
import dev.gatun.WasmVersion;
import dev.gatun.WebAssembly;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fast feedback on decoder and validator against every spec script: binary assert_malformed must fail
 * decoding, assert_invalid must decode and fail validation, every other module must decode and validate.
 */
class SpecBinaryTest {
    @Test
    void everySpecModuleDecodesAndValidatesAsExpected() throws Exception {
        Path dir = SpecSuite.jsonDir();
        Assumptions.assumeTrue(dir != null, "spec test suite not found");
        List<String> failures = new ArrayList<>();
        int malformed = 0, invalid = 0, valid = 0;
        for (Path json : SpecSuite.jsonFiles(dir)) {
            for (JsonNode c : SpecSuite.commands(json)) {
                String type = c.path("type").asText();
                String file = c.path("filename").asText(null);
                if (file == null || !file.endsWith(".wasm")) continue;
                String where = json.getFileName() + ":" + c.path("line").asInt() + " " + type;
                byte[] bytes = Files.readAllBytes(dir.resolve(file));
                String text = c.path("text").asText(null);
                switch (type) {
                    case "assert_malformed" -> {
                        malformed++;
                        CompileError e = compile(bytes);
                        if (e == null || e.kind() != CompileError.Kind.MALFORMED)
                            failures.add(where + " expected malformed '" + text + "', got " + describe(e));
                    }
                    case "assert_invalid" -> {
                        invalid++;
                        CompileError e = compile(bytes);
                        if (superseded(json, c.path("line").asInt(), text)) {
                            if (e != null) failures.add(where + " valid since Wasm 3.0 (extended constants), got " + describe(e));
                            continue;
                        }
                        if (e == null || e.kind() != CompileError.Kind.INVALID)
                            failures.add(where + " expected invalid '" + text + "', got " + describe(e));
                    }
                    default -> {
                        valid++;
                        CompileError e = compile(bytes);
                        if (e != null) failures.add(where + " (" + file + ") expected valid, got " + describe(e));
                    }
                }
            }
        }
        System.out.printf("spec binary check: %d malformed, %d invalid, %d valid modules, %d failures%n",
                malformed, invalid, valid, failures.size());
        failures.stream().limit(200).forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /**
     * 2.0 assertions that Wasm 3.0's extended constants made valid (global.get of an earlier defined
     * immutable global in an initialiser or offset); the 3.0 scripts test the same modules as valid.
     * The conformance runner keeps the same list (WastRunner.SUPERSEDED_BY_EXTENDED_CONST).
     */
    private static final java.util.Set<String> SUPERSEDED = java.util.Set.of(
            "data:89", "data:93", "elem:171", "elem:175", "global:352", "global:356");

    private static boolean superseded(Path json, int line, String text) {
        String name = json.getFileName().toString().replaceFirst("\\.json$", "");
        return "unknown global".equals(text) && SUPERSEDED.contains(name + ":" + line);
    }

    private static CompileError compile(byte[] bytes) {
        try {
            // The JSON scripts are the 2.0 suite, which tests 2.0's verdicts on encodings 3.0 made valid.
            WebAssembly.compile(bytes, Tier.INTERPRETER, WasmVersion.WASM_2_0);
            return null;
        } catch (CompileError e) {
            return e;
        }
    }

    private static String describe(CompileError e) {
        return e == null ? "success" : e.kind() + " '" + e.reason() + "' at " + e.offset();
    }
}
