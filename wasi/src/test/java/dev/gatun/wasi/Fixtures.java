package dev.gatun.wasi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The differential cases: C programs built for wasm32-wasi, each run on the same inputs by a runtime
 * (Node's node:wasi as the reference, Gatun under test). An outcome is the exit status, stdout, and
 * the sandbox directory's final contents (every file's bytes by digest), so they compare byte for byte.
 */
final class Fixtures {
    private Fixtures() {}

    static final Path RESOURCES = Path.of("src/test/resources/wasi").toAbsolutePath();
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    /** One program run: the module, its argv after the program name, its stdin, its environment. */
    record Run(Path wasm, List<String> args, String stdin, Map<String, String> env) {
        Run(Path wasm, List<String> args, String stdin) { this(wasm, args, stdin, Map.of()); }
    }

    /** A case: the sandbox's initial files (guest-relative path to content), the guest name of the preopen, and runs in order. */
    record Case(String name, Map<String, byte[]> files, String guestDir, List<Run> runs) {
        @Override public String toString() { return name; }
    }

    record Outcome(List<Integer> exits, String stdout, Map<String, String> tree) {
        String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("exit ").append(exits).append('\n');
            sb.append("--- stdout\n").append(stdout);
            if (!stdout.isEmpty() && !stdout.endsWith("\n")) sb.append("\n\\ no newline at end\n");
            sb.append("--- files\n");
            tree.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
            return sb.toString();
        }
    }

    interface Runtime {
        /** Runs {@code run} with {@code sandbox} preopened as {@code guestDir}; returns exit status, appends stdout. */
        int run(Run run, Path sandbox, String guestDir, ByteArrayOutputStream stdout) throws Exception;
    }

    /** The WASI context both hosted runtimes give a run: its argv, env, stdin, the one preopen, stdout captured. */
    static Wasi wasiFor(Run run, Path sandbox, String guestDir, ByteArrayOutputStream stdout) {
        List<String> argv = new ArrayList<>();
        argv.add(run.wasm().toString());
        argv.addAll(run.args());
        Wasi.Builder builder = Wasi.builder().args(argv);
        run.env().forEach(builder::env);
        return builder.preopen(sandbox, guestDir, false)
                .stdin(new ByteArrayInputStream(run.stdin().getBytes(StandardCharsets.UTF_8)))
                .stdout(stdout).stderr(OutputStream.nullOutputStream()).build();
    }

    static Path fixture(String name) { return RESOURCES.resolve(name + ".wasm"); }

    private static Run run(String wasm, String stdin, String... args) { return new Run(fixture(wasm), List.of(args), stdin); }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String poem = """
                The quick brown fox
                jumps over the lazy dog.
                \tTabs\tand  double  spaces
                ünïcödé bytes count as bytes
                no newline at the end""";
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 3000; i++) big.append("line ").append(i).append(i % 7 == 0 ? "  with extra words here\n" : "\n");
        cases.add(new Case("cat-files", files("a.txt", "first file\n", "b.txt", poem), ".",
                List.of(run("cat", "", "a.txt", "b.txt", "missing.txt", "../escape.txt", "/etc/passwd"))));
        cases.add(new Case("cat-stdin", files(), ".", List.of(run("cat", "piped through stdin\nsecond line\n"))));
        cases.add(new Case("wc", files("poem.txt", poem, "big.txt", big.toString(), "empty.txt", ""), "/data",
                List.of(run("wc", "", "/data/poem.txt", "/data/big.txt", "/data/empty.txt"))));
        cases.add(new Case("tree", files("a.txt", "alpha\n", "sub/b.txt", "beta beta\n", "sub/inner/c.bin", "\0\1\2\3",
                "z-last/.hidden", "h"), "data", List.of(run("tree", "", "data"))));
        cases.add(new Case("clocks", files(), ".", List.of(run("clocks", ""))));
        cases.add(new Case("rawcalls", files(), "/box", List.of(
                new Run(fixture("rawcalls"), List.of("/box"), "", Map.of("GREETING", "hola, ünïcode")))));
        cases.add(new Case("exit-status", files(), ".", List.of(run("trap", "", "7"), run("trap", "", "0"))));
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 2000; i++) runs.append("a".repeat(i % 300)).append((char) ('b' + i % 20));
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i % 1000 < 600 ? 0 : i * 31 >> 3);
        Map<String, byte[]> rleFiles = files("text.txt", runs.toString());
        rleFiles.put("blob.bin", binary);
        cases.add(new Case("rle-roundtrip", rleFiles, "/w", List.of(
                run("rle", "", "c", "/w/text.txt", "/w/text.rle"),
                run("rle", "", "d", "/w/text.rle", "/w/text.out"),
                run("rle", "", "c", "/w/blob.bin", "/w/blob.rle"),
                run("rle", "", "d", "/w/blob.rle", "/w/blob.out"),
                run("rle", "", "d", "/w/text.txt", "/w/corrupt.out"))));
        Map<String, byte[]> picture = new LinkedHashMap<>();
        picture.put("picture.ppm", Files.readAllBytes(EXAMPLES.resolve("grayscale/picture.ppm")));
        cases.add(new Case("grayscale", picture, ".", List.of(
                new Run(EXAMPLES.resolve("grayscale/grayscale.wasm"), List.of("picture.ppm", "out.pgm", "3"), ""))));
        return cases;
    }

    private static Map<String, byte[]> files(String... kv) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1].getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** Runs a case in a fresh copy of its sandbox under {@code work}. */
    static Outcome execute(Runtime rt, Case c, Path work) throws Exception {
        Path sandbox = Files.createDirectories(work.resolve("sandbox"));
        for (var e : c.files().entrySet()) {
            Path p = sandbox.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        // Something outside the sandbox for the programs to (fail to) reach.
        Files.writeString(work.resolve("escape.txt"), "outside the sandbox\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> exits = new ArrayList<>();
        for (Run r : c.runs()) exits.add(rt.run(r, sandbox, c.guestDir(), out));
        return new Outcome(exits, out.toString(StandardCharsets.UTF_8), snapshot(sandbox));
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) continue;
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) tree.put(rel, "-> " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) tree.put(rel, "dir");
                else {
                    byte[] b = Files.readAllBytes(p);
                    tree.put(rel, b.length + " bytes sha256:" + sha256(b));
                }
            }
        }
        return tree;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Node's node:wasi through the committed runner script. */
    static final Runtime NODE = (run, sandbox, guestDir, stdout) -> {
        List<String> cmd = new ArrayList<>(List.of("node", "--no-warnings", RESOURCES.resolve("node-run.mjs").toString(),
                "--dir", sandbox + "::" + guestDir));
        run.env().forEach((k, v) -> cmd.addAll(List.of("--env", k + "=" + v)));
        cmd.addAll(List.of("--", run.wasm().toString()));
        cmd.addAll(run.args());
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(sandbox.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("the reference runtime needs `node` (Node.js 20+) on PATH: " + e.getMessage(), e);
        }
        try (var in = p.getOutputStream()) {
            in.write(run.stdin().getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream o = p.getInputStream()) {
            o.transferTo(stdout);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("node timed out on " + run);
        }
        return p.exitValue();
    };

    static String readReference(String name) {
        try {
            return Files.readString(RESOURCES.resolve("reference/" + name + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
