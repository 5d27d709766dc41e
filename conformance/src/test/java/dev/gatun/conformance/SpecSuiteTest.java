package dev.gatun.conformance;

import dev.gatun.WasmVersion;

import dev.gatun.Tier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The official spec suite as JUnit dynamic tests: one container per script, one test per command, named
 * {@code file.wast:line}. A failing command fails the build unless {@code known-failures.txt} lists it
 * ({@code file.wast:line}, a known gap: shown as an aborted test with the reason). Scripts on
 * {@code expected-pass.txt} must pass fully, whatever the known-failures list says.
 */
class SpecSuiteTest {
    /** The suite: -Dgatun.spec.dir, $GATUN_SPEC_DIR, or ../shared/wasm-testsuite/json next to the repository. */
    static Path specDir() {
        String configured = System.getProperty("gatun.spec.dir", System.getenv("GATUN_SPEC_DIR"));
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        // Surefire runs in conformance/, so the repository root is one up.
        for (String candidate : List.of("../../shared/wasm-testsuite/json", "../shared/wasm-testsuite/json")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) return p;
        }
        return Path.of("../../shared/wasm-testsuite/json").toAbsolutePath().normalize();
    }

    static Set<String> expectedPass() throws IOException {
        return lines("/expected-pass.txt");
    }

    /** One entry per line; blank lines and # comments are ignored. */
    static Set<String> lines(String resource) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = SpecSuiteTest.class.getResourceAsStream(resource)) {
            if (in == null) return names;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) names.add(l);
            }
        }
        return names;
    }

    /** Tier 1: the register interpreter. */
    @TestFactory
    Stream<DynamicNode> interpreter() throws IOException {
        return specSuite(Tier.INTERPRETER);
    }

    /** Tier 2: every compilable function compiled to JVM bytecode. */
    @TestFactory
    Stream<DynamicNode> compiler() throws IOException {
        return specSuite(Tier.COMPILER);
    }

    private Stream<DynamicNode> specSuite(Tier tier) throws IOException {
        Path dir = specDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), "spec suite not found at " + dir + " (set -Dgatun.spec.dir)");
        Set<String> expected = expectedPass();
        Set<String> known = lines("/known-failures.txt");
        List<Path> files = Conformance.collect(List.of(dir));
        Set<String> present = new LinkedHashSet<>();
        files.forEach(f -> present.add(f.getFileName().toString()));
        // The 2.0 suite tests 2.0's verdicts on encodings Wasm 3.0 made valid: decode it by the 2.0 rules.
        WastRunner<?, ?> runner = new WastRunner<>(Targets.gatun(tier, WasmVersion.WASM_2_0));
        DynamicTest listIsCurrent = DynamicTest.dynamicTest("expected-pass.txt names existing scripts", () -> {
            Set<String> stale = new LinkedHashSet<>(expected);
            stale.removeAll(present);
            Assertions.assertTrue(stale.isEmpty(), "expected-pass.txt names scripts not in " + dir + ": " + stale);
        });
        // Containers are built lazily, so each script runs only when JUnit reaches it.
        AtomicReference<Tally> total = new AtomicReference<>(new Tally(0, 0, 0));
        Stream<DynamicNode> scripts = files.stream().map(f -> {
            boolean mustPass = expected.contains(f.getFileName().toString());
            Stream<DynamicNode> tests = Stream.of(f).flatMap(file -> {
                FileReport r = runner.run(file);
                total.accumulateAndGet(r.tally(), Tally::plus);
                return r.outcomes().stream().map(o -> DynamicTest.dynamicTest(o.name(),
                        () -> verdict(o, mustPass, known.contains(o.name()))));
            });
            return DynamicContainer.dynamicContainer(f.getFileName().toString(), tests);
        });
        return Stream.concat(Stream.of(listIsCurrent), scripts).onClose(() -> {
            runner.close();
            System.out.println("spec suite, " + tier + " tier (" + dir + "): " + total.get().summaryLine());
        });
    }

    /** An abort without a stack trace: the reason says it all, and 50 000 traces would bloat the reports. */
    private static TestAbortedException aborted(String reason) {
        TestAbortedException e = new TestAbortedException(reason);
        e.setStackTrace(new StackTraceElement[0]);
        return e;
    }

    /** mustPass: the script is on expected-pass.txt; known: the command is on known-failures.txt. */
    private static void verdict(Outcome o, boolean mustPass, boolean known) {
        switch (o.status()) {
            case PASSED -> {
                if (known) Assertions.fail(o.name() + " passes now: remove it from known-failures.txt");
            }
            case SKIPPED -> throw aborted("skipped: " + o.reason());
            case FAILED -> {
                if (mustPass || !known) Assertions.fail(o.name() + " " + o.command() + ": " + o.reason());
                throw aborted("known failure (known-failures.txt): " + o.command() + ": " + o.reason());
            }
        }
    }
}
