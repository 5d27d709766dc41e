package dev.gatun.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the shared spec test suite (wast2json output) as the conformance runner does:
 * {@code -Dgatun.spec.dir}, {@code $GATUN_SPEC_DIR}, then {@code shared/wasm-testsuite/json} beside the
 * working directory or one of its parents; and reads its scripts' commands with Jackson.
 */
public final class SpecSuite {
    private SpecSuite() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The suite's directory, or null when it is nowhere to be found. */
    public static Path jsonDir() {
        String configured = System.getProperty("gatun.spec.dir", System.getenv("GATUN_SPEC_DIR"));
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path cand = p.resolve("shared/wasm-testsuite/json");
            if (Files.isDirectory(cand)) return cand;
        }
        return null;
    }

    public static List<Path> jsonFiles(Path dir) throws IOException {
        return files(dir, ".json");
    }

    public static List<Path> wasmFiles(Path dir) throws IOException {
        return files(dir, ".wasm");
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The commands of one script, in order. */
    public static List<JsonNode> commands(Path json) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json.toFile()).path("commands").forEach(out::add);
        return out;
    }
}
