package dev.gatun.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatun.CompileError;
import dev.gatun.LinkError;
import dev.gatun.RuntimeError;
import dev.gatun.WasmException;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssemblyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Duration timeout;

    public WastRunner(Target<M, I> target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
        this.worker = new Worker(timeout);
    }

    public WastRunner(Target<M, I> target) { this(target, DEFAULT_TIMEOUT); }

    /** Runs one script (a wast2json .json file or a .wast file); a script that cannot be read yields a single failed outcome. */
    public FileReport run(Path json) {
        if (json.getFileName().toString().endsWith(".wast")) return runWast(json);
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (IOException | RuntimeException e) {
            return new FileReport(json, List.of(new Outcome(json.getFileName().toString(), 0, "file",
                    Outcome.Status.FAILED, "cannot read script: " + e.getMessage())));
        }
        String source = root.path("source_filename").asText(json.getFileName().toString());
        source = Path.of(source).getFileName().toString();
        Script script = new Script(json.toAbsolutePath().getParent(), source, null, worker);
        return runCommands(json, script, root.path("commands"));
    }

    private FileReport runCommands(Path file, Script script, Iterable<JsonNode> commands) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> features = new ArrayList<>();
        target.beginScript();
        try {
            for (JsonNode cmd : commands) {
                outcomes.add(script.run(cmd));
                features.add(script.feature);
            }
        } finally {
            script.release();
        }
        return new FileReport(file, outcomes, features);
    }

    /** A .wast script, read by {@link WastScript}: its modules are parsed from text here. */
    private FileReport runWast(Path wast) {
        String source = wast.getFileName().toString();
        WastScript ws;
        try {
            ws = WastScript.parse(Files.readAllBytes(wast));
        } catch (IOException | CompileError e) {
            return new FileReport(wast, List.of(new Outcome(source, 0, "file",
                    Outcome.Status.FAILED, "cannot read script: " + e.getMessage())));
        }
        return runCommands(wast, new Script(wast.toAbsolutePath().getParent(), source, ws.modules, worker), ws.commands);
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

        /** Modules of a .wast script by their synthetic file name; null for wast2json scripts. */
        private final Map<String, WastScript.Source> sources;
        /** Module definitions ({@code (module definition $m ...)}) by name. */
        private final Map<String, M> definitions = new HashMap<>();
        /** The main feature (beyond 2.0) of the current module and of each named one, whether or not it compiled. */
        private String currentFeature = CORE;
        private final Map<String, String> namedFeature = new HashMap<>();
        /** Names registered by modules the engine did not support: imports from them fail for that reason. */
        private final Map<String, String> unsupportedRegistered = new HashMap<>();
        /** The feature the last command exercised, for per-feature tallies ("2.0" when none). */
        String feature = CORE;
        /** Why the current module is missing when the engine does not support it (then dependants are skipped). */
        private String unsupported;

        /** Runs this script's commands: the runner's worker, or a thread command's own. */
        private final Worker worker;
        /** Threads started by thread commands and not yet waited for, by name. */
        private final Map<String, ScriptThread> threads = new HashMap<>();

        Script(Path dir, String source, Map<String, WastScript.Source> sources, Worker worker) {
            this.dir = dir;
            this.source = source;
            this.sources = sources;
            this.worker = worker;
        }

        Outcome run(JsonNode cmd) {
            String type = cmd.path("type").asText();
            int line = cmd.path("line").asInt();
            Verdict v;
            // Each timeout leaves a runaway thread behind; give up on the script before they eat the machine.
            if (timeouts >= MAX_TIMEOUTS_PER_SCRIPT)
                return new Outcome(source, line, type, Outcome.Status.FAILED, "not run: " + timeouts + " earlier commands timed out");
            feature = CORE;
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
            // A thread never waited for still runs commands on instances this script made.
            for (ScriptThread t : threads.values()) t.finish(timeout);
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
                case "assert_malformed" -> assertCompileError(cmd, CompileError.Kind.MALFORMED);
                case "assert_unlinkable" -> assertInstantiationFails(cmd, true);
                case "assert_uninstantiable" -> assertInstantiationFails(cmd, false);
                case "module_definition" -> moduleDefinition(cmd);
                case "module_instance" -> moduleInstance(cmd);
                case "assert_exception" -> assertException(cmd);
                case "thread" -> startThread(cmd);
                case "wait" -> waitThread(cmd);
                case "script_error" -> Verdict.fail("cannot read command: " + cmd.path("text").asText());
                default -> Verdict.skip("unsupported command type " + type);
            };
        }

        /**
         * {@code (thread $T (shared (module $m))* cmd*)}: a child script with its own worker thread, seeing
         * only the shared instances (so a shared memory is exported by one of them), runs the commands
         * concurrently with this script; {@code (wait $T)} joins it and reports its commands' verdict.
         */
        private Verdict startThread(JsonNode cmd) {
            String name = cmd.path("name").asText();
            if (threads.containsKey(name)) return Verdict.fail("thread " + name + " is already running");
            Script child = new Script(dir, source, sources, new Worker(timeout));
            for (JsonNode m : cmd.path("shared_modules")) {
                I inst = named.get(m.asText());
                if (inst == null) return Verdict.fail("thread " + name + " shares unknown module " + m.asText());
                child.named.put(m.asText(), inst);
                child.namedFeature.put(m.asText(), namedFeature.getOrDefault(m.asText(), CORE));
            }
            threads.put(name, new ScriptThread(name, child, cmd.path("commands")));
            return Verdict.PASS;
        }

        private Verdict waitThread(JsonNode cmd) {
            String name = cmd.path("thread").asText();
            ScriptThread t = threads.remove(name);
            if (t == null) return Verdict.fail("wait for unknown thread " + name);
            if (!t.finish(timeout.multipliedBy(2))) return Verdict.fail("thread " + name + " did not finish in time");
            Verdict skipped = null;
            for (Outcome o : t.outcomes) {
                if (o.status() == Outcome.Status.FAILED)
                    return Verdict.fail("thread " + name + ", line " + o.line() + " " + o.command() + ": " + o.reason());
                if (o.status() == Outcome.Status.SKIPPED && skipped == null)
                    skipped = Verdict.skip("thread " + name + ", line " + o.line() + ": " + o.reason());
            }
            return skipped != null ? skipped : Verdict.PASS;
        }

        private byte[] read(JsonNode cmd) throws IOException {
            String file = cmd.path("filename").asText();
            if (sources != null) {
                WastScript.Source s = sources.get(file);
                if (s == null) throw new IOException("no module " + file);
                feature = mainFeature(s.features());
                readBinary = s.quotedBinary();
                if (s.error() != null) throw s.error();
                return s.binary();
            }
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            // wast2json writes a text-format module (an assert_malformed of text) as a .wat file.
            return "text".equals(cmd.path("module_type").asText()) ? Wat.parse(bytes) : bytes;
        }

        /** The engine rejected a module that uses post-2.0 features: a gap in the engine, not a failure. */
        private Verdict unsupportedOr(CompileError e, Verdict otherwise) {
            if (sources == null || e.line() > 0) return otherwise;
            if (CORE.equals(feature) && readBinary) {
                // A (module binary ...): no text says what it uses, so the engine's complaint has to.
                String f = ENGINE_GAPS.get(e.reason());
                if (f != null) feature = f;
                else if (e.kind() == CompileError.Kind.MALFORMED) return Verdict.skip("unsupported: " + describe(e));
            }
            if (CORE.equals(feature)) return otherwise;
            return Verdict.skip("unsupported: " + feature + " (" + describe(e) + ")");
        }

        /** Whether the last module read was written as {@code (module binary ...)}. */
        private boolean readBinary;
        /** Module definitions the engine did not support, by name, with the reason. */
        private final Map<String, String> unsupportedDefinitions = new HashMap<>();

        private Verdict moduleDefinition(JsonNode cmd) throws Throwable {
            String name = cmd.hasNonNull("name") ? cmd.get("name").asText() : null;
            if (name != null) {
                definitions.remove(name);
                unsupportedDefinitions.remove(name);
            }
            try {
                byte[] bytes = read(cmd);
                if (name != null) namedFeature.put(name, feature);
                M module = compile(bytes);
                if (name != null) definitions.put(name, module);
                return Verdict.PASS;
            } catch (CompileError e) {
                Verdict v = unsupportedOr(e, Verdict.fail("valid module rejected: " + describe(e)));
                if (name != null && v.status() == Outcome.Status.SKIPPED) unsupportedDefinitions.put(name, v.reason());
                return v;
            }
        }

        private Verdict moduleInstance(JsonNode cmd) throws Throwable {
            String mod = cmd.path("module").asText(null);
            M module = mod == null ? null : definitions.get(mod);
            String name = cmd.path("instance").asText(null);
            current = null;
            unsupported = null;
            if (name != null) named.remove(name);
            feature = mod == null ? CORE : namedFeature.getOrDefault(mod, CORE);
            currentFeature = feature;
            if (name != null) namedFeature.put(name, feature);
            if (module == null) {
                String why = mod == null ? null : unsupportedDefinitions.get(mod);
                if (why != null) {
                    unsupported = why;
                    if (name != null) unsupportedNamed.put(name, why);
                    return Verdict.skip(why);
                }
                return Verdict.fail("module definition " + mod + " not available");
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

        private Verdict assertException(JsonNode cmd) throws Throwable {
            try {
                Value[] r = perform(cmd.path("action"));
                return Verdict.fail("expected an exception, but it returned " + formatAll(r));
            } catch (MissingModule e) {
                return missing(e);
            } catch (WasmException e) {
                return Verdict.PASS;
            } catch (RuntimeError e) {
                return Verdict.fail("expected an exception, got " + describe(e));
            }
        }

        /** An action whose module is missing: skipped when the engine did not support it, else failed. */
        private Verdict missing(MissingModule e) {
            return e.unsupported != null ? Verdict.skip(e.unsupported) : Verdict.fail(e.getMessage());
        }

        /** Compiles on the worker; a CompileError propagates to the caller. */
        private M compile(byte[] bytes) throws Throwable {
            return worker.call(() -> target.compile(bytes));
        }

        private Verdict module(JsonNode cmd) throws Throwable {
            String name = cmd.hasNonNull("name") ? cmd.get("name").asText() : null;
            current = null;
            unsupported = null;
            if (name != null) named.remove(name);
            M module;
            try {
                byte[] bytes = read(cmd);
                currentFeature = feature;
                if (name != null) namedFeature.put(name, feature);
                module = compile(bytes);
            } catch (CompileError e) {
                noCurrent = "its module command failed";
                Verdict v = unsupportedOr(e, Verdict.fail("valid module rejected: " + describe(e)));
                if (v.status() == Outcome.Status.SKIPPED) {
                    unsupported = v.reason();
                    if (name != null) unsupportedNamed.put(name, v.reason());
                }
                return v;
            }
            if (name != null) unsupportedNamed.remove(name);
            String feat = feature;
            try {
                I instance = worker.call(() -> target.instantiate(module, Map.copyOf(registered)));
                created.add(instance);
                current = instance;
                if (name != null) named.put(name, instance);
                return Verdict.PASS;
            } catch (WebAssemblyException e) {
                noCurrent = "its module command failed";
                String why = e instanceof LinkError l ? unsupportedRegistered.get(l.module()) : null;
                if (why != null) {
                    unsupported = why;
                    if (name != null) unsupportedNamed.put(name, why);
                    return Verdict.skip(why);
                }
                return Verdict.fail("instantiation failed: " + describe(e));
            }
        }

        /** The instance an action or register names, or null with the reason in {@link #missing}. */
        private I instance(JsonNode moduleName) {
            I inst;
            if (moduleName == null || moduleName.isNull()) {
                missing = "no current module: " + noCurrent;
                missingUnsupported = unsupported;
                inst = current;
            } else {
                inst = named.get(moduleName.asText());
                missing = "module " + moduleName.asText() + " not available";
                missingUnsupported = unsupportedNamed.get(moduleName.asText());
            }
            feature = moduleName == null || moduleName.isNull() ? currentFeature
                    : namedFeature.getOrDefault(moduleName.asText(), CORE);
            return inst;
        }

        private String missing, missingUnsupported;
        private final Map<String, String> unsupportedNamed = new HashMap<>();

        private Verdict register(JsonNode cmd) {
            I inst = instance(cmd.get("name"));
            if (inst == null) {
                if (missingUnsupported == null) return Verdict.fail(missing);
                unsupportedRegistered.put(cmd.path("as").asText(), missingUnsupported);
                return Verdict.skip(missingUnsupported);
            }
            unsupportedRegistered.remove(cmd.path("as").asText());
            registered.put(cmd.path("as").asText(), inst);
            return Verdict.PASS;
        }

        /** Runs an action on the worker; returns its results or throws what the target threw. */
        private Value[] perform(JsonNode action) throws Throwable {
            I inst = instance(action.get("module"));
            if (inst == null) throw new MissingModule(missing, missingUnsupported);
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
                return missing(e);
            } catch (RuntimeError e) {
                return Verdict.fail("unexpected " + describe(e));
            }
        }

        private Verdict assertReturn(JsonNode cmd) throws Throwable {
            Value[] results;
            try {
                results = perform(cmd.path("action"));
            } catch (MissingModule e) {
                return missing(e);
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
                return missing(e);
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
            String newer = kind == CompileError.Kind.INVALID ? supersededBy(dir, text) : null;
            if (newer == null && kind == CompileError.Kind.INVALID) newer = supersededAt(source, cmd.path("line").asInt(), text);
            if (newer != null) {
                // The script asserts a rule a later standard dropped: check the standard's rule instead.
                try {
                    compile(read(cmd));
                    return Verdict.PASS;
                } catch (CompileError e) {
                    return Verdict.fail("valid since " + newer + " (the script's \"" + text + "\" predates it), but rejected: " + describe(e));
                }
            }
            try {
                compile(read(cmd));
            } catch (CompileError e) {
                if (e.kind() != kind && cmd.path("custom").asBoolean())
                    return Verdict.skip("custom annotation not interpreted (\"" + text + "\"; got " + describe(e) + ")");
                return e.kind() == kind ? Verdict.PASS
                        : unsupportedOr(e, Verdict.fail("expected " + kind.name().toLowerCase() + " (\"" + text + "\"), got " + describe(e)));
            }
            if (cmd.path("custom").asBoolean())
                return Verdict.skip("custom annotation not interpreted (\"" + text + "\"; the spec lets readers ignore it)");
            return Verdict.fail("expected " + kind.name().toLowerCase() + " (\"" + text + "\"), but it compiled");
        }

        private Verdict assertInstantiationFails(JsonNode cmd, boolean link) throws Throwable {
            String text = cmd.path("text").asText();
            M module;
            try {
                module = compile(read(cmd));
            } catch (CompileError e) {
                return unsupportedOr(e, Verdict.fail("valid module rejected: " + describe(e)));
            }
            String expected = link ? "link error" : "trap";
            try {
                created.add(worker.call(() -> target.instantiate(module, Map.copyOf(registered))));
            } catch (LinkError e) {
                String why = unsupportedRegistered.get(e.module());
                if (why != null) return Verdict.skip(why);
                return link ? Verdict.PASS : Verdict.fail("expected " + expected + " (\"" + text + "\"), got " + describe(e));
            } catch (RuntimeError e) {
                return !link ? Verdict.PASS : Verdict.fail("expected " + expected + " (\"" + text + "\"), got " + describe(e));
            }
            return Verdict.fail("expected " + expected + " (\"" + text + "\"), but it instantiated");
        }
    }

    /** The Java thread of a thread command: runs the child script's commands in order, collecting outcomes. */
    private final class ScriptThread {
        final List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private final Script child;

        ScriptThread(String name, Script child, JsonNode commands) {
            this.child = child;
            this.thread = Thread.ofPlatform().daemon().name("wast-thread-" + name).start(() -> {
                for (JsonNode c : commands) outcomes.add(child.run(c));
            });
        }

        /** Joins the thread (up to {@code limit}) and frees its worker; false if it is still running. */
        boolean finish(Duration limit) {
            try {
                thread.join(limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) return false;
            child.worker.close();
            return true;
        }
    }

    /**
     * Validation rules that proposal repositories forked before a later standard removed them, by the
     * directory of the scripts and the assertion's text; the value names the standard. The threads
     * proposal's imports.wast still rejects a second table, which Wasm 2.0 (reference types) allows and
     * the 2.0 and 3.0 core scripts test as valid, so there the module must validate.
     */
    private static final Map<String, String> SUPERSEDED = Map.of("threads|multiple tables", "Wasm 2.0 (reference types)");

    /**
     * The Wasm 2.0 scripts' assertions that Wasm 3.0 made valid, by script name (without extension) and
     * line, with the assertion's text: extended constants let a global's initialiser read the immutable
     * globals defined before it, and a segment offset any immutable global, which 2.0 restricted to imported
     * ones. The 3.0 scripts test the same modules as valid; so must the 2.0 ones run here. Each twice: a
     * .wast script numbers the assertion's line, its wast2json form the module's.
     */
    static final Set<String> SUPERSEDED_BY_EXTENDED_CONST = Set.of(
            "data:88", "data:92", "elem:170", "elem:174", "global:351", "global:355",
            "data:89", "data:93", "elem:171", "elem:175", "global:352", "global:356");

    static String supersededAt(String script, int line, String text) {
        String name = script.contains(".") ? script.substring(0, script.lastIndexOf('.')) : script;
        return text.equals("unknown global") && SUPERSEDED_BY_EXTENDED_CONST.contains(name + ":" + line)
                ? "Wasm 3.0 (extended constants)" : null;
    }

    static String supersededBy(Path dir, String text) {
        return dir == null || dir.getFileName() == null ? null : SUPERSEDED.get(dir.getFileName() + "|" + text);
    }

    /** An action names a module that is not there (because its module command failed or was skipped). */
    private static final class MissingModule extends Exception {
        /** The skip reason when the module is missing because the engine does not support it. */
        final String unsupported;

        MissingModule(String message, String unsupported) {
            super(message);
            this.unsupported = unsupported;
        }
    }

    /** Engine complaints about binary modules that mean it lacks a post-2.0 feature. */
    private static final Map<String, String> ENGINE_GAPS = Map.of(
            "multiple memories", "multi-memory",
            "multiple tables", "reference-types");

    /** The feature label of commands that need nothing beyond Wasm 2.0. */
    static final String CORE = "2.0";

    /** Most specific first: a module using GC is counted under gc even if it also uses function references. */
    private static final List<String> FEATURE_ORDER = List.of("custom-descriptors", "gc", "function-references", "exceptions",
            "legacy-exceptions", "memory64", "multi-memory", "tail-call", "relaxed-simd", "threads",
            "wide-arithmetic", "custom-page-sizes", "extended-const");

    /** The one feature a module is counted under. */
    static String mainFeature(java.util.Set<String> features) {
        if (features == null || features.isEmpty()) return CORE;
        for (String f : FEATURE_ORDER) if (features.contains(f)) return f;
        return features.iterator().next();
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
            case WasmException x -> "uncaught exception";
        };
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return kind + ": " + (nl >= 0 ? msg.substring(0, nl) : msg);
    }
}
