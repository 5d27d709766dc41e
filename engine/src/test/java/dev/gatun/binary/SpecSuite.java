package dev.gatun.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Locates the shared spec test suite (wast2json output) from wherever the tests run. */
final class SpecSuite {
    private SpecSuite() {}

    /** The {@code shared/wasm-testsuite/json} directory found beside the cwd or one of its parents, or null. */
    static Path jsonDir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path cand = p.resolve("shared/wasm-testsuite/json");
            if (Files.isDirectory(cand)) return cand;
            p = p.getParent();
        }
        return null;
    }

    static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static List<Path> wasmFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".wasm")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> commands(Path json) throws IOException {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(json, StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) root.get("commands");
    }
}
