package dev.gatun.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatun.CompileError;
import dev.gatun.LinkError;
import dev.gatun.RuntimeError;
import dev.gatun.Value;
import dev.gatun.WebAssemblyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs wast2json scripts (format: WAST-JSON-FORMAT.md beside the suite) against a {@link Target}.
 * Every command yields exactly one {@link Outcome}; nothing a command does can abort the rest of the file.
 */
public final class WastRunner<M, I> implements AutoCloseable {
    /** Per-command limit; -Dgatun.spec.timeout=SECONDS overrides it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(Long.getLong("gatun.spec.timeout", 60));
    static final int MAX_TIMEOUTS_PER_SCRIPT = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target<M, I> target;
    private final Worker worker;

    public WastRunner(Target<M, I> target, Duration timeout) {
        this.target = target;
        this.worker = new Worker(timeout);
    }

    public WastRunner(Target<M, I> target) { this(target, DEFAULT_TIMEOUT); }

    /** Runs one script; a script that cannot be read yields a single failed outcome. */
    public FileReport run(Path json) {
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (IOException | RuntimeException e) {
            return new FileReport(json, List.of(new Outcome(json.getFileName().toString(), 0, "file",
                    Outcome.Status.FAILED, "cannot read script: " + e.getMessage())));
        }
        String source = root.path("source_filename").asText(json.getFileName().toString());
        source = Path.of(source).getFileName().toString();
        Script script = new Script(json.toAbsolutePath().getParent(), source);
        List<Outcome> outcomes = new ArrayList<>();
        target.beginScript();
        try {
            for (JsonNode cmd : root.path("commands")) outcomes.add(script.run(cmd));
        } finally {
            script.release();
        }
        return new FileReport(json, outcomes);
    }

    @Override
    public void close() { worker.close(); }

    /** A command's verdict before it is stamped with file and line. */
    private record Verdict(Outcome.Status status, String reason) {
        static final Verdict PASS = new Verdict(Outcome.Status.PASSED, null);
        static Verdict fail(String reason) { return new Verdict(Outcome.Status.FAILED, reason); }
        static Verdict skip(String reason) { return new Verdict(Outcome.Status.SKIPPED, reason); }
    }

    /** The state one script builds up: current module, named modules, registered import names. */
    private final class Script {
        private final Path dir;
        private final String source;
        private final SpecValues values = new SpecValues();
        private final Map<String, I> named = new HashMap<>();
        private final Map<String, I> registered = new HashMap<>();
        private I current;
        /** Every instance made, so their memories can be freed when the script ends. */
        private final List<I> created = new ArrayList<>();
        /** Commands that timed out: their threads may still run, so nothing may be freed under them. */
        private int timeouts;
        /** Why there is no current instance, when there is none. */
        private String noCurrent = "no module defined yet";

        Script(Path dir, String source) {
            this.dir = dir;
            this.source = source;
        }

        Outcome run(JsonNode cmd) {
            String type = cmd.path("type").asText();
            int line = cmd.path("line").asInt();
            Verdict v;
            // Each timeout leaves a runaway thread behind; give up on the script before they eat the machine.
            if (timeouts >= MAX_TIMEOUTS_PER_SCRIPT)
                return new Outcome(source, line, type, Outcome.Status.FAILED, "not run: " + timeouts + " earlier commands timed out");
            try {
                v = dispatch(type, cmd);
            } catch (SpecValues.SpecFormatException e) {
                v = Verdict.skip("unsupported in script: " + e.getMessage());
            } catch (NumberFormatException e) {
                v = Verdict.skip("unsupported in script: bad number " + e.getMessage());
            } catch (Worker.Timeout e) {
                timeouts++;
                v = Verdict.fail(e.getMessage());
            } catch (StackOverflowError e) {
                v = Verdict.fail("StackOverflowError escaped the API (must become a call stack exhausted trap)");
            } catch (IOException e) {
                v = Verdict.fail("cannot read " + e.getMessage());
            } catch (WebAssemblyException e) {
                v = Verdict.fail("unexpected " + describe(e));
            } catch (Throwable e) {
                v = Verdict.fail("raw Java exception escaped the API: " + e);
            }
            return new Outcome(source, line, type, v.status(), v.reason());
        }

        void release() {
            if (timeouts > 0) return;
            for (I inst : created) {
                try {
                    target.release(inst);
                } catch (RuntimeException ignored) {
                    // Freeing is best effort; the outcomes are already recorded.
                }
            }
        }

        private Verdict dispatch(String type, JsonNode cmd) throws Throwable {
            return switch (type) {
                case "module" -> module(cmd);
                case "register" -> register(cmd);
                case "action" -> action(cmd);
                case "assert_return" -> assertReturn(cmd);
                case "assert_trap" -> assertTrap(cmd, false);
                case "assert_exhaustion" -> assertTrap(cmd, true);
                case "assert_invalid" -> assertCompileError(cmd, CompileError.Kind.INVALID);
                case "assert_malformed" -> "text".equals(cmd.path("module_type").asText())
                        ? Verdict.skip(Outcome.TEXT_FORMAT)
                        : assertCompileError(cmd, CompileError.Kind.MALFORMED);
                case "assert_unlinkable" -> assertInstantiationFails(cmd, true);
                case "assert_uninstantiable" -> assertInstantiationFails(cmd, false);
                default -> Verdict.skip("unsupported command type " + type);
            };
        }

        private byte[] read(JsonNode cmd) throws IOException {
            return Files.readAllBytes(dir.resolve(cmd.path("filename").asText()));
        }

        /** Compiles on the worker; a CompileError propagates to the caller. */
        private M compile(byte[] bytes) throws Throwable {
            return worker.call(() -> target.compile(bytes));
        }

        private Verdict module(JsonNode cmd) throws Throwable {
            String name = cmd.hasNonNull("name") ? cmd.get("name").asText() : null;
            current = null;
            if (name != null) named.remove(name);
            M module;
            try {
                module = compile(read(cmd));
            } catch (CompileError e) {
                noCurrent = "its module command failed";
                return Verdict.fail("valid module rejected: " + describe(e));
            }
            try {
                I instance = worker.call(() -> target.instantiate(module, Map.copyOf(registered)));
                created.add(instance);
                current = instance;
                if (name != null) named.put(name, instance);
                return Verdict.PASS;
            } catch (WebAssemblyException e) {
                noCurrent = "its module command failed";
                return Verdict.fail("instantiation failed: " + describe(e));
            }
        }

        /** The instance an action or register names, or null with the reason in {@link #missing}. */
        private I instance(JsonNode moduleName) {
            if (moduleName == null || moduleName.isNull()) {
                missing = "no current module: " + noCurrent;
                return current;
            }
            I inst = named.get(moduleName.asText());
            missing = "module " + moduleName.asText() + " not available";
            return inst;
        }

        private String missing;

        private Verdict register(JsonNode cmd) {
            I inst = instance(cmd.get("name"));
            if (inst == null) return Verdict.fail(missing);
            registered.put(cmd.path("as").asText(), inst);
            return Verdict.PASS;
        }

        /** Runs an action on the worker; returns its results or throws what the target threw. */
        private Value[] perform(JsonNode action) throws Throwable {
            I inst = instance(action.get("module"));
            if (inst == null) throw new MissingModule(missing);
            String field = action.path("field").asText();
            switch (action.path("type").asText()) {
                case "invoke" -> {
                    List<Value> args = new ArrayList<>();
                    for (JsonNode a : action.path("args")) args.add(values.arg(a));
                    Value[] argv = args.toArray(Value[]::new);
                    try {
                        return worker.call(() -> target.invoke(inst, field, argv));
                    } catch (Worker.Timeout t) {
                        target.interrupt(inst);
                        throw t;
                    }
                }
                case "get" -> {
                    return new Value[] {worker.call(() -> target.get(inst, field))};
                }
                default -> throw new SpecValues.SpecFormatException("unknown action type " + action.path("type").asText());
            }
        }

        private Verdict action(JsonNode cmd) throws Throwable {
            try {
                perform(cmd.path("action"));
                return Verdict.PASS;
            } catch (MissingModule e) {
                return Verdict.fail(e.getMessage());
            } catch (RuntimeError e) {
                return Verdict.fail("unexpected " + describe(e));
            }
        }

        private Verdict assertReturn(JsonNode cmd) throws Throwable {
            Value[] results;
            try {
                results = perform(cmd.path("action"));
            } catch (MissingModule e) {
                return Verdict.fail(e.getMessage());
            } catch (RuntimeError e) {
                return Verdict.fail("unexpected " + describe(e));
            }
            if (results == null) results = new Value[0];
            if (cmd.has("either")) {
                // Relaxed SIMD: several allowed results, each alternative one value.
                if (results.length != 1) return Verdict.fail("expected 1 result, got " + results.length);
                StringBuilder why = new StringBuilder();
                for (JsonNode alt : cmd.get("either")) {
                    String m = values.mismatch(alt, results[0]);
                    if (m == null) return Verdict.PASS;
                    why.append(why.isEmpty() ? "" : "; ").append(m);
                }
                return Verdict.fail("no alternative matched: " + why);
            }
            JsonNode expected = cmd.path("expected");
            if (results.length != expected.size())
                return Verdict.fail("expected " + expected.size() + " results, got " + results.length);
            for (int i = 0; i < results.length; i++) {
                String why = values.mismatch(expected.get(i), results[i]);
                if (why != null) return Verdict.fail((results.length > 1 ? "result " + i + ": " : "") + why);
            }
            return Verdict.PASS;
        }

        private Verdict assertTrap(JsonNode cmd, boolean exhaustion) throws Throwable {
            String text = cmd.path("text").asText();
            Value[] results;
            try {
                results = perform(cmd.path("action"));
            } catch (MissingModule e) {
                return Verdict.fail(e.getMessage());
            } catch (RuntimeError e) {
                if (exhaustion) {
                    return e.trap() == RuntimeError.Trap.CALL_STACK_EXHAUSTED ? Verdict.PASS
                            : Verdict.fail("expected call stack exhausted, got " + describe(e));
                }
                // The reference interpreter sometimes appends detail ("uninitialized element 2"): compare by prefix.
                return text.startsWith(e.trap().message()) ? Verdict.PASS
                        : Verdict.fail("expected trap \"" + text + "\", got " + describe(e));
            }
            return Verdict.fail("expected " + (exhaustion ? "call stack exhaustion" : "trap \"" + text + "\"")
                    + ", but it returned " + formatAll(results));
        }

        private Verdict assertCompileError(JsonNode cmd, CompileError.Kind kind) throws Throwable {
            String text = cmd.path("text").asText();
            try {
                compile(read(cmd));
            } catch (CompileError e) {
                return e.kind() == kind ? Verdict.PASS
                        : Verdict.fail("expected " + kind.name().toLowerCase() + " (\"" + text + "\"), got " + describe(e));
            }
            return Verdict.fail("expected " + kind.name().toLowerCase() + " (\"" + text + "\"), but it compiled");
        }

        private Verdict assertInstantiationFails(JsonNode cmd, boolean link) throws Throwable {
            String text = cmd.path("text").asText();
            M module;
            try {
                module = compile(read(cmd));
            } catch (CompileError e) {
                return Verdict.fail("valid module rejected: " + describe(e));
            }
            String expected = link ? "link error" : "trap";
            try {
                created.add(worker.call(() -> target.instantiate(module, Map.copyOf(registered))));
            } catch (LinkError e) {
                return link ? Verdict.PASS : Verdict.fail("expected " + expected + " (\"" + text + "\"), got " + describe(e));
            } catch (RuntimeError e) {
                return !link ? Verdict.PASS : Verdict.fail("expected " + expected + " (\"" + text + "\"), got " + describe(e));
            }
            return Verdict.fail("expected " + expected + " (\"" + text + "\"), but it instantiated");
        }
    }

    /** An action names a module that is not there (because its module command failed or was skipped). */
    private static final class MissingModule extends Exception {
        MissingModule(String message) { super(message); }
    }

    private static String formatAll(Value[] vs) {
        if (vs == null || vs.length == 0) return "nothing";
        StringBuilder sb = new StringBuilder();
        for (Value v : vs) sb.append(sb.isEmpty() ? "" : ", ").append(SpecValues.format(v));
        return sb.toString();
    }

    /** One line, without the Wasm stack. */
    static String describe(WebAssemblyException e) {
        String kind = switch (e) {
            case CompileError c -> c.kind().name().toLowerCase();
            case LinkError l -> "link error";
            case RuntimeError r -> "trap";
        };
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return kind + ": " + (nl >= 0 ? msg.substring(0, nl) : msg);
    }
}
