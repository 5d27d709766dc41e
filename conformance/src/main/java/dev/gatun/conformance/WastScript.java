package dev.gatun.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatun.CompileError;
import dev.gatun.model.CompileFailure;
import dev.gatun.text.Lexer;
import dev.gatun.text.ModuleParser;
import dev.gatun.text.Numbers;
import dev.gatun.text.SExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .wast} script read into the commands wast2json would have written (same JSON shapes, see
 * WAST-JSON-FORMAT.md), so that {@link WastRunner} runs both the same way. Modules are parsed here;
 * a module whose text is malformed is kept as its {@link CompileError}, which the runner meets where it
 * would have compiled the module (so {@code assert_malformed} passes and a plain module fails).
 */
final class WastScript {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One module of the script: its binary, or why its text did not parse; and the features it uses. */
    record Source(byte[] binary, CompileError error, Set<String> features, boolean quotedBinary) {
        Source(byte[] binary, CompileError error, Set<String> features) { this(binary, error, features, false); }
    }

    final List<JsonNode> commands = new ArrayList<>();
    final Map<String, Source> modules = new HashMap<>();

    private WastScript() {}

    private static final Set<String> FIELDS = Set.of("type", "rec", "import", "func", "table", "memory", "global",
            "tag", "export", "start", "elem", "data");

    /** Reads a whole script; only a text that does not even lex throws. */
    static WastScript parse(byte[] text) {
        WastScript s = new WastScript();
        List<SExpr> forms = Lexer.parse(text);
        if (!forms.isEmpty() && FIELDS.contains(String.valueOf(forms.getFirst().head()))) {
            // A script may be just one module written without (module ...) around its fields.
            SExpr whole = forms.getFirst();
            ObjectNode o = F.objectNode();
            o.put("line", whole.line);
            o.put("type", "module");
            String key = "module.inline";
            o.put("filename", key);
            try {
                ModuleParser.Result r = ModuleParser.text(text);
                s.modules.put(key, new Source(r.binary(), null, r.features()));
            } catch (CompileFailure e) {
                s.modules.put(key, new Source(null, compileError(e), Set.of()));
            }
            s.commands.add(o);
            return s;
        }
        for (SExpr cmd : forms) s.commands.add(s.command(cmd));
        return s;
    }

    private ObjectNode command(SExpr cmd) {
        ObjectNode o = F.objectNode();
        String head = cmd.head();
        o.put("line", cmd.line);
        try {
            if (head == null) throw new Bad("unexpected token " + cmd);
            switch (head) {
                case "module" -> {
                    boolean definition = cmd.size() > 1 && cmd.kid(1).isKeyword("definition");
                    if (cmd.size() > 1 && cmd.kid(1).isKeyword("instance")) {
                        o.put("type", "module_instance");
                        if (cmd.size() > 2 && cmd.kid(2).kind == SExpr.Kind.ID) o.put("instance", "$" + cmd.kid(2).text);
                        if (cmd.size() > 3 && cmd.kid(3).kind == SExpr.Kind.ID) o.put("module", "$" + cmd.kid(3).text);
                        return o;
                    }
                    o.put("type", definition ? "module_definition" : "module");
                    String name = module(cmd, o);
                    if (name != null) o.put("name", "$" + name);
                }
                case "register" -> {
                    o.put("type", "register");
                    o.put("as", string(cmd.kid(1)));
                    if (cmd.size() > 2) o.put("name", "$" + cmd.kid(2).text);
                }
                case "invoke", "get" -> {
                    o.put("type", "action");
                    o.set("action", action(cmd));
                }
                case "assert_return" -> {
                    o.put("type", "assert_return");
                    o.set("action", action(cmd.kid(1)));
                    ArrayNode expected = F.arrayNode();
                    for (int i = 2; i < cmd.size(); i++) {
                        SExpr r = cmd.kid(i);
                        if (r.isList("either")) {
                            ArrayNode alts = F.arrayNode();
                            for (int k = 1; k < r.size(); k++) alts.add(value(r.kid(k), true));
                            o.set("either", alts);
                        } else expected.add(value(r, true));
                    }
                    if (!o.has("either")) o.set("expected", expected);
                }
                case "assert_trap" -> {
                    SExpr target = cmd.kid(1);
                    o.put("text", cmd.size() > 2 ? string(cmd.kid(2)) : "");
                    if (target.isList("module")) {
                        o.put("type", "assert_uninstantiable");
                        module(target, o);
                    } else {
                        o.put("type", "assert_trap");
                        o.set("action", action(target));
                    }
                }
                case "assert_exhaustion" -> {
                    o.put("type", "assert_exhaustion");
                    o.set("action", action(cmd.kid(1)));
                    o.put("text", cmd.size() > 2 ? string(cmd.kid(2)) : "");
                }
                case "assert_exception" -> {
                    o.put("type", "assert_exception");
                    o.set("action", action(cmd.kid(1)));
                }
                case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_uninstantiable",
                        "assert_malformed_custom", "assert_invalid_custom" -> {
                    // The _custom forms are about custom annotations, which a reader may ignore.
                    boolean custom = head.endsWith("_custom");
                    o.put("type", custom ? head.substring(0, head.length() - 7) : head);
                    if (custom) o.put("custom", true);
                    o.put("text", cmd.size() > 2 ? string(cmd.kid(2)) : "");
                    o.put("module_type", "binary");
                    module(cmd.kid(1), o);
                }
                case "thread" -> {
                    // (thread $T (shared (module $m))* command*): the commands run on their own thread,
                    // seeing only the named instances it shares.
                    o.put("type", "thread");
                    if (cmd.size() < 2 || cmd.kid(1).kind != SExpr.Kind.ID) throw new Bad("thread without a name");
                    o.put("name", "$" + cmd.kid(1).text);
                    ArrayNode shared = F.arrayNode();
                    ArrayNode body = F.arrayNode();
                    for (int i = 2; i < cmd.size(); i++) {
                        SExpr k = cmd.kid(i);
                        if (k.isList("shared")) {
                            for (int j = 1; j < k.size(); j++) {
                                SExpr m = k.kid(j);
                                if (!m.isList("module") || m.size() != 2 || m.kid(1).kind != SExpr.Kind.ID)
                                    throw new Bad("expected (module $name) in shared, got " + m);
                                shared.add("$" + m.kid(1).text);
                            }
                        } else {
                            body.add(command(k));
                        }
                    }
                    o.set("shared_modules", shared);
                    o.set("commands", body);
                }
                case "wait" -> {
                    o.put("type", "wait");
                    if (cmd.size() != 2 || cmd.kid(1).kind != SExpr.Kind.ID) throw new Bad("expected (wait $thread)");
                    o.put("thread", "$" + cmd.kid(1).text);
                }
                default -> o.put("type", head);
            }
        } catch (Bad | CompileFailure | IndexOutOfBoundsException e) {
            o.removeAll();
            o.put("line", cmd.line);
            o.put("type", "script_error");
            o.put("text", e instanceof CompileFailure c ? c.getMessage() : e instanceof Bad ? e.getMessage() : "malformed command " + cmd);
        }
        return o;
    }

    /** Parses a module into {@link #modules} and points {@code o}'s filename at it; returns its id. */
    /** The text parser's failure as the public API reports a malformed text: same position, reason and message. */
    private static CompileError compileError(CompileFailure f) {
        CompileError.Kind k = f.kind == CompileFailure.Kind.MALFORMED ? CompileError.Kind.MALFORMED : CompileError.Kind.INVALID;
        return f.line > 0 ? new CompileError(k, f.line, f.column, f.reason) : new CompileError(k, f.offset, f.reason, f.getCause());
    }

    private String module(SExpr m, ObjectNode o) {
        if (!m.isList("module")) throw new Bad("expected a module, got " + m);
        String key = "module." + m.line + "." + modules.size();
        o.put("filename", key);
        try {
            ModuleParser.Result r = ModuleParser.module(m);
            boolean bin = (m.size() > 1 && m.kid(1).isKeyword("binary")) || (m.size() > 2 && m.kid(2).isKeyword("binary"))
                    || (m.size() > 3 && m.kid(3).isKeyword("binary"));
            modules.put(key, new Source(r.binary(), null, r.features(), bin));
            return r.id();
        } catch (CompileFailure e) {
            modules.put(key, new Source(null, compileError(e), Set.of()));
        } catch (RuntimeException | StackOverflowError e) {
            modules.put(key, new Source(null, new CompileError(CompileError.Kind.MALFORMED, m.line, m.col,
                    "cannot parse text: " + e), Set.of()));
        }
        // The id of a malformed module still names it, so later commands find "not available" rather than the previous one.
        return m.size() > 1 && m.kid(1).kind == SExpr.Kind.ID ? m.kid(1).text
                : m.size() > 2 && m.kid(1).isKeyword("definition") && m.kid(2).kind == SExpr.Kind.ID ? m.kid(2).text : null;
    }

    private static String string(SExpr s) {
        if (s.kind != SExpr.Kind.STRING) throw new Bad("expected a string, got " + s);
        return new String(s.bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private ObjectNode action(SExpr a) {
        String h = a.head();
        if (!"invoke".equals(h) && !"get".equals(h)) throw new Bad("expected an action, got " + a);
        ObjectNode o = F.objectNode();
        o.put("type", h);
        int i = 1;
        if (a.size() > i && a.kid(i).kind == SExpr.Kind.ID) o.put("module", "$" + a.kid(i++).text);
        o.put("field", string(a.kid(i++)));
        if (h.equals("invoke")) {
            ArrayNode args = F.arrayNode();
            for (; i < a.size(); i++) args.add(value(a.kid(i), false));
            o.set("args", args);
        }
        return o;
    }

    /** A constant (argument) or result pattern, as wast2json writes it. */
    private static ObjectNode value(SExpr v, boolean result) {
        String h = v.head();
        if (h == null) throw new Bad("expected a value, got " + v);
        ObjectNode o = F.objectNode();
        SExpr a = v.size() > 1 ? v.kid(1) : null;
        switch (h) {
            case "i32.const" -> put(o, "i32", Integer.toUnsignedString((int) Numbers.integer(need(a, v), 32)));
            case "i64.const" -> put(o, "i64", Long.toUnsignedString(Numbers.integer(need(a, v), 64)));
            case "f32.const" -> put(o, "f32", nanPattern(need(a, v), result) ? a.text : Integer.toUnsignedString(Numbers.f32(a)));
            case "f64.const" -> put(o, "f64", nanPattern(need(a, v), result) ? a.text : Long.toUnsignedString(Numbers.f64(a)));
            case "v128.const" -> {
                SExpr shape = need(a, v);
                String lane;
                int n, bits;
                switch (shape.text) {
                    case "i8x16" -> { lane = "i8"; n = 16; bits = 8; }
                    case "i16x8" -> { lane = "i16"; n = 8; bits = 16; }
                    case "i32x4" -> { lane = "i32"; n = 4; bits = 32; }
                    case "i64x2" -> { lane = "i64"; n = 2; bits = 64; }
                    case "f32x4" -> { lane = "f32"; n = 4; bits = 32; }
                    case "f64x2" -> { lane = "f64"; n = 2; bits = 64; }
                    default -> throw new Bad("unknown vector shape " + shape);
                }
                if (v.size() != 2 + n) throw new Bad("v128 " + shape.text + " needs " + n + " lanes");
                ArrayNode lanes = F.arrayNode();
                for (int k = 0; k < n; k++) {
                    SExpr x = v.kid(2 + k);
                    if (lane.startsWith("f") && nanPattern(x, result)) lanes.add(x.text);
                    else if (lane.equals("f32")) lanes.add(Integer.toUnsignedString(Numbers.f32(x)));
                    else if (lane.equals("f64")) lanes.add(Long.toUnsignedString(Numbers.f64(x)));
                    else {
                        long bitsV = Numbers.integer(x, bits);
                        long mask = bits == 64 ? -1L : (1L << bits) - 1;
                        lanes.add(Long.toUnsignedString(bitsV & mask));
                    }
                }
                o.put("type", "v128");
                o.put("lane_type", lane);
                o.set("value", lanes);
            }
            case "ref.null" -> {
                if (a == null) {
                    // (ref.null) as a result: any null reference, whatever its type.
                    put(o, "refnull", "null");
                    break;
                }
                String ht = a.kind == SExpr.Kind.KEYWORD ? a.text : "type";
                String type = switch (ht) {
                    case "func", "nofunc" -> "funcref";
                    case "extern", "noextern" -> "externref";
                    case "exn", "noexn" -> "exnref";
                    default -> ht + "ref";
                };
                put(o, type, "null");
            }
            case "ref.extern", "ref.host" -> {
                if (a == null) put(o, "externref", "non-null");
                else put(o, "externref", Long.toString(Numbers.nat(a, 0xFFFF_FFFFL)));
            }
            case "ref.func" -> put(o, "funcref", "non-null");
            case "ref.any", "ref.eq", "ref.i31", "ref.struct", "ref.array", "ref.exn" -> put(o, h.substring(4) + "ref", "non-null");
            default -> throw new Bad("unknown value " + v);
        }
        return o;
    }

    private static boolean nanPattern(SExpr a, boolean result) {
        return result && a.kind == SExpr.Kind.KEYWORD && (a.text.equals("nan:canonical") || a.text.equals("nan:arithmetic"));
    }

    private static SExpr need(SExpr a, SExpr v) {
        if (a == null) throw new Bad("missing constant in " + v);
        return a;
    }

    private static void put(ObjectNode o, String type, String value) {
        o.put("type", type);
        o.put("value", value);
    }

    /** A command this reader does not understand. */
    private static final class Bad extends RuntimeException {
        Bad(String m) { super(m); }
    }
}
