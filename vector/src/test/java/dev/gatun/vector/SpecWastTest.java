package dev.gatun.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the official simd_*.wast assertions that call an export whose body is exactly one SIMD
 * instruction applied to the parameters in order ({@code (func (export "x") (param ..) (result ..)
 * (i8x16.add (local.get 0) (local.get 1)))} or the flat form; lane/shuffle/offset= immediates allowed),
 * including loads, stores and assert_trap on out-of-bounds addresses against the module's memory and data
 * segments. Everything else (composite bodies, validation and malformed-module assertions) is skipped:
 * it needs the engine. Reads ../shared/wasm-testsuite (or
 * -Dgatun.wast.dir); skipped if absent.
 */
class SpecWastTest {

    sealed interface Sx permits Atom, Lst {}
    record Atom(String s) implements Sx {}
    record Lst(List<Sx> items) implements Sx {
        String head() {
            return !items.isEmpty() && items.get(0) instanceof Atom a ? a.s() : "";
        }
    }

    static List<Sx> parse(String src) {
        List<List<Sx>> stack = new ArrayList<>();
        stack.add(new ArrayList<>());
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == ';' && i + 1 < n && src.charAt(i + 1) == ';') {
                while (i < n && src.charAt(i) != '\n') i++;
            } else if (c == '(' && i + 1 < n && src.charAt(i + 1) == ';') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (src.startsWith("(;", i)) { depth++; i += 2; }
                    else if (src.startsWith(";)", i)) { depth--; i += 2; }
                    else i++;
                }
            } else if (c == '(') {
                stack.add(new ArrayList<>());
                i++;
            } else if (c == ')') {
                List<Sx> done = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).add(new Lst(done));
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (src.charAt(j) != '"') j += src.charAt(j) == '\\' ? 2 : 1;
                stack.get(stack.size() - 1).add(new Atom(src.substring(i, j + 1)));
                i = j + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(src.charAt(j)) && src.charAt(j) != '(' && src.charAt(j) != ')') j++;
                stack.get(stack.size() - 1).add(new Atom(src.substring(i, j)));
                i = j;
            }
        }
        return stack.get(0);
    }

    /** Export name to the single SIMD op its function applies to its parameters, for one module. */
    static Map<String, String> exports(Lst module) {
        Map<String, String> out = new HashMap<>();
        for (Sx f : module.items()) {
            if (!(f instanceof Lst fl) || !fl.head().equals("func")) continue;
            String export = null;
            List<String> params = new ArrayList<>();
            List<Sx> body = new ArrayList<>();
            for (Sx x : fl.items().subList(1, fl.items().size())) {
                if (x instanceof Lst l && l.head().equals("export")) export = unquote(((Atom) l.items().get(1)).s());
                else if (x instanceof Lst l && l.head().equals("param")) {
                    List<Sx> ps = l.items().subList(1, l.items().size());
                    if (ps.size() == 2 && ((Atom) ps.get(0)).s().startsWith("$")) params.add(((Atom) ps.get(0)).s());
                    else for (Sx p : ps) params.add("#" + params.size());
                } else if (x instanceof Lst l && (l.head().equals("result") || l.head().equals("local"))) {
                    if (l.head().equals("local")) { export = null; break; }
                } else if (!(x instanceof Atom a && a.s().startsWith("$"))) body.add(x);
            }
            if (export == null) continue;
            String op = singleOp(body, params);
            if (op != null) out.put(export, op);
        }
        return out;
    }

    /** The op name if body is OP applied to local.get 0..n-1 (folded or flat), else null. */
    static String singleOp(List<Sx> body, List<String> params) {
        List<Sx> args;
        String op;
        if (body.size() == 1 && body.get(0) instanceof Lst l) { // folded, immediates (lane indexes) allowed
            op = l.head();
            int first = 1;
            while (first < l.items().size() && l.items().get(first) instanceof Atom imm) {
                op = op + " " + imm.s();
                first++;
            }
            args = l.items().subList(first, l.items().size());
            if (args.size() != params.size()) return null;
            for (int i = 0; i < args.size(); i++) {
                if (!(args.get(i) instanceof Lst g) || !g.head().equals("local.get") || g.items().size() != 2) return null;
                if (!refersTo(((Atom) g.items().get(1)).s(), i, params)) return null;
            }
        } else { // flat: local.get x ... op
            if (body.size() != 2 * params.size() + 1) return null;
            for (int i = 0; i < params.size(); i++) {
                if (!(body.get(2 * i) instanceof Atom a) || !a.s().equals("local.get")) return null;
                if (!refersTo(((Atom) body.get(2 * i + 1)).s(), i, params)) return null;
            }
            if (!(body.get(body.size() - 1) instanceof Atom a)) return null;
            op = a.s();
        }
        return op;
    }

    static boolean refersTo(String ref, int i, List<String> params) {
        return ref.equals(String.valueOf(i)) || ref.equals(params.get(i));
    }

    static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }

    // ---------------------------------------------------------------- values

    /** A parsed operand or expected result: a v128 (with NaN markers for expectations) or a scalar. */
    record Val(String type, long lo, long hi, String shape, int canon, int arith) {
        Val(String type, long lo, long hi, String shape) {
            this(type, lo, hi, shape, 0, 0);
        }
    }

    static Val value(Lst c) {
        String t = c.head();
        List<Sx> it = c.items();
        if (t.equals("v128.const")) {
            String shape = ((Atom) it.get(1)).s();
            int w = switch (shape) {
                case "i8x16" -> 8;
                case "i16x8" -> 16;
                case "i32x4", "f32x4" -> 32;
                default -> 64;
            };
            V.Builder b = V.of(w);
            int canon = 0, arith = 0;
            for (int i = 0; i < 128 / w; i++) {
                String s = ((Atom) it.get(2 + i)).s();
                if (s.equals("nan:canonical")) canon |= 1 << i;
                if (s.equals("nan:arithmetic")) arith |= 1 << i;
                b.set(i, shape.startsWith("f") ? floatBits(s, w) : intBits(s));
            }
            V v = b.build();
            return new Val("v128", v.lo(), v.hi(), shape, canon, arith);
        }
        String s = ((Atom) it.get(1)).s();
        return switch (t) {
            case "i32.const" -> new Val("i32", (int) intBits(s), 0, null);
            case "i64.const" -> new Val("i64", intBits(s), 0, null);
            case "f32.const" -> new Val("f32", (int) floatBits(s, 32), 0, null);
            case "f64.const" -> new Val("f64", floatBits(s, 64), 0, null);
            default -> throw new IllegalArgumentException(t);
        };
    }

    static long intBits(String s) {
        s = s.replace("_", "");
        boolean neg = s.startsWith("-");
        if (neg || s.startsWith("+")) s = s.substring(1);
        BigInteger v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
        return (neg ? v.negate() : v).longValue();
    }

    static long floatBits(String s, int w) {
        s = s.replace("_", "");
        if (s.equals("nan:canonical")) return w == 32 ? Harness.CANON32 : Harness.CANON64;
        if (s.equals("nan:arithmetic")) return w == 32 ? Harness.ARITH32 : Harness.ARITH64;
        boolean neg = s.startsWith("-");
        String m = neg || s.startsWith("+") ? s.substring(1) : s;
        long sign = neg ? (w == 32 ? 0x8000_0000L : Long.MIN_VALUE) : 0;
        if (m.startsWith("nan")) {
            long payload = m.startsWith("nan:") ? Long.parseLong(m.substring(6), 16) : (w == 32 ? 0x40_0000L : 1L << 51);
            return sign | (w == 32 ? 0x7F80_0000L | payload : 0x7FF0_0000_0000_0000L | payload);
        }
        if (m.equals("inf")) return sign | (w == 32 ? 0x7F80_0000L : 0x7FF0_0000_0000_0000L);
        if (m.startsWith("0x") && !m.contains("p") && !m.contains("P")) m = m + "p0";
        if (w == 32) {
            // parse via BigDecimal-free path: Java's float parsing (decimal and hex) rounds correctly
            return sign | (Float.floatToRawIntBits(Float.parseFloat(m)) & 0xFFFF_FFFFL);
        }
        return sign | Double.doubleToRawLongBits(Double.parseDouble(m));
    }

    // ---------------------------------------------------------------- running

    static final Map<String, Method> KERNELS = new HashMap<>();

    static {
        for (Class<?> k : Kernels.CLASSES) for (Method m : k.getMethods()) KERNELS.put(m.getName(), m);
    }

    record Stats(int passed, int skipped, List<String> failures) {}

    @Test
    void officialSimdAssertions() throws IOException {
        Path dir = Path.of(System.getProperty("gatun.wast.dir", "../../shared/wasm-testsuite/wast"));
        if (!Files.isDirectory(dir)) dir = Path.of("/work/shared/wasm-testsuite/wast");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no wasm-testsuite at " + dir);
        Map<String, Stats> all = new TreeMap<>();
        int passed = 0;
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("simd_.*\\.wast")).sorted().toList()) {
                Stats s = run(p);
                all.put(p.getFileName().toString(), s);
                passed += s.passed();
                failures.addAll(s.failures());
            }
        }
        failures.stream().limit(40).forEach(System.out::println);
        all.forEach((f, s) -> System.out.printf("%-45s passed %5d  skipped %5d  failed %d%n", f, s.passed(), s.skipped(),
                s.failures().size()));
        System.out.println("spec SIMD assertions run against kernels: " + passed + " passed, " + failures.size() + " failed");
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.subList(0, Math.min(20, failures.size())));
        assertTrue(passed > 10_000, "expected most op assertions to be runnable, ran " + passed);
    }

    /** The memory of the current module: (memory N) pages plus (data (i32.const X) "...") segments. */
    static MemorySegment memory(Lst module) {
        long pages = -1;
        for (Sx x : module.items()) {
            if (x instanceof Lst l && l.head().equals("memory") && l.items().size() >= 2
                    && l.items().get(1) instanceof Atom a && a.s().matches("\\d+")) {
                pages = Long.parseLong(a.s());
            }
        }
        if (pages < 0) return null;
        MemorySegment mem = Arena.ofAuto().allocate(pages * 65536);
        for (Sx x : module.items()) {
            if (!(x instanceof Lst l) || !l.head().equals("data")) continue;
            Lst off = (Lst) l.items().get(1);
            if (off.head().equals("offset")) off = (Lst) off.items().get(1);
            long at = intBits(((Atom) off.items().get(1)).s());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Sx str : l.items().subList(2, l.items().size())) {
                String q = ((Atom) str).s();
                for (int i = 1; i < q.length() - 1; i++) {
                    char c = q.charAt(i);
                    if (c != '\\') {
                        bytes.write(c);
                    } else if (Character.digit(q.charAt(i + 1), 16) >= 0 && Character.digit(q.charAt(i + 2), 16) >= 0) {
                        bytes.write(Integer.parseInt(q.substring(i + 1, i + 3), 16));
                        i += 2;
                    } else {
                        char e = q.charAt(++i);
                        bytes.write(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
                    }
                }
            }
            byte[] b = bytes.toByteArray();
            MemorySegment.copy(b, 0, mem, java.lang.foreign.ValueLayout.JAVA_BYTE, at, b.length);
        }
        return mem;
    }

    static Stats run(Path file) throws IOException {
        Map<String, String> exports = Map.of();
        MemorySegment mem = null;
        int passed = 0, skipped = 0;
        List<String> failures = new ArrayList<>();
        for (Sx top : parse(Files.readString(file))) {
            if (!(top instanceof Lst l)) continue;
            if (l.head().equals("module")) {
                exports = exports(l);
                mem = memory(l);
                continue;
            }
            boolean trap = l.head().equals("assert_trap");
            if (!(l.head().equals("assert_return") || trap) || !(l.items().get(1) instanceof Lst inv)
                    || !inv.head().equals("invoke")) {
                continue;
            }
            String name = unquote(((Atom) inv.items().get(1)).s());
            String op = exports.get(name);
            Method k = op == null ? null : KERNELS.get(op.split(" ")[0].replace('.', '_'));
            boolean store = op != null && op.startsWith("v128.store");
            if (k == null || l.items().size() != (store && !trap ? 2 : 3)) {
                skipped++;
                continue;
            }
            try {
                List<Val> args = new ArrayList<>();
                for (Sx a : inv.items().subList(2, inv.items().size())) args.add(value((Lst) a));
                Val want = trap || store ? null : value((Lst) l.items().get(2));
                String err = k.getParameterTypes().length > 2 && k.getParameterTypes()[2] == MemorySegment.class
                        || k.getParameterTypes().length > 3 && k.getParameterTypes()[3] == MemorySegment.class
                        ? executeMemory(op, k, args, want, mem, trap)
                        : trap ? "assert_trap on a non-memory op" : execute(op, k, args, want);
                if (err == null) passed++;
                else failures.add(file.getFileName() + ": " + op + " " + err);
            } catch (UnsupportedOperationException e) {
                skipped++;
            }
        }
        return new Stats(passed, skipped, failures);
    }

    /** Runs the kernel on a register file (v128 args at 0,2,4; scalar args after), returns an error or null. */
    static String execute(String op, Method k, List<Val> args, Val want) {
        long[] regs = new long[16];
        Class<?>[] p = k.getParameterTypes();
        String[] imms = op.split(" ");
        int nImm = imms.length - 1;
        // (long[], int dst, int reg...) kernels, plus a trailing int lane or a ShufflePlan for immediates
        boolean shuffle = imms[0].equals("i8x16.shuffle");
        if (p.length != args.size() + 2 + (nImm == 0 ? 0 : 1)) throw new UnsupportedOperationException();
        if (nImm > 1 && !shuffle) throw new UnsupportedOperationException();
        for (int i = 1; i < 2 + args.size(); i++) if (p[i] != int.class) throw new UnsupportedOperationException();
        Object[] call = new Object[p.length];
        if (shuffle) {
            byte[] lanes = new byte[16];
            for (int i = 0; i < 16; i++) lanes[i] = (byte) intBits(imms[1 + i]);
            call[p.length - 1] = I8x16.shufflePlan(lanes);
        } else if (nImm == 1) {
            call[p.length - 1] = (int) intBits(imms[1]);
        }
        call[0] = regs;
        call[1] = 10; // dst
        for (int i = 0; i < args.size(); i++) {
            Val a = args.get(i);
            int r = 2 * i;
            regs[r] = a.lo();
            regs[r + 1] = a.type().equals("v128") ? a.hi() : 0;
            call[2 + i] = r;
        }
        try {
            MethodHandle mh = MethodHandles.publicLookup().unreflect(k);
            mh.invokeWithArguments(call);
        } catch (Throwable t) {
            return "threw " + t;
        }
        V got = new V(regs[10], regs[11]);
        if (want.type().equals("v128")) {
            V w = new V(want.lo(), want.hi());
            int lw = want.shape().equals("f32x4") ? 32 : want.shape().equals("f64x2") ? 64 : 128;
            boolean ok = true;
            if (lw == 128) {
                ok = w.equals(got);
            } else {
                for (int i = 0; i < 128 / lw; i++) {
                    long g = got.raw(i, lw), e = w.raw(i, lw);
                    long mag = lw == 32 ? g & 0x7FFF_FFFFL : g & Long.MAX_VALUE;
                    long inf = lw == 32 ? 0x7F80_0000L : 0x7FF0_0000_0000_0000L;
                    long quiet = lw == 32 ? 0x40_0000L : 1L << 51;
                    if ((want.canon() >> i & 1) != 0) ok &= mag == (inf | quiet);       // canonical NaN, either sign
                    else if ((want.arith() >> i & 1) != 0) ok &= mag > inf && (g & quiet) != 0; // arithmetic NaN
                    else ok &= g == e;                                                    // exact bits
                }
            }
            return ok ? null : "args " + args + " want " + w + " got " + got;
        }
        long expect = want.type().equals("i32") ? (long) (int) want.lo() : want.lo();
        return regs[10] == expect ? null : "args " + args + " want " + expect + " got " + regs[10];
    }

    /**
     * Memory kernels: (regs, dst, mem, ea) and (regs, dst, vec, mem, ea, lane); the first Wasm argument is the
     * i32 address, ea = unsigned address + offset=. want == null means assert_trap: expect IndexOutOfBounds.
     */
    static String executeMemory(String op, Method k, List<Val> args, Val want, MemorySegment mem, boolean expectTrap) {
        if (mem == null) throw new UnsupportedOperationException();
        long offset = 0;
        Integer lane = null;
        for (String imm : op.split(" ")) {
            if (imm.startsWith("offset=")) offset = intBits(imm.substring(7));
            else if (imm.matches("\\d+")) lane = Integer.parseInt(imm);
        }
        Class<?>[] p = k.getParameterTypes();
        long ea = (args.get(0).lo() & 0xFFFF_FFFFL) + offset;
        long[] regs = new long[16];
        Object[] call;
        boolean store = op.startsWith("v128.store");
        if (store && args.size() == 2) { // (regs, src, mem, ea [, lane]) returns nothing
            regs[2] = args.get(1).lo();
            regs[3] = args.get(1).hi();
            call = p.length == 4 ? new Object[] {regs, 2, mem, ea} : new Object[] {regs, 2, mem, ea, lane};
            if (p.length == 5 && lane == null) throw new UnsupportedOperationException();
            try {
                MethodHandles.publicLookup().unreflect(k).invokeWithArguments(call);
            } catch (IndexOutOfBoundsException e) {
                return expectTrap ? null : "unexpected trap at ea=" + ea;
            } catch (Throwable t) {
                return "threw " + t;
            }
            return expectTrap ? "expected a trap at ea=" + ea : null;
        }
        if (p.length == 4 && args.size() == 1 && p[1] == int.class) {
            call = new Object[] {regs, 10, mem, ea};
        } else if (p.length == 6 && args.size() == 2 && lane != null) {
            regs[2] = args.get(1).lo();
            regs[3] = args.get(1).hi();
            call = new Object[] {regs, 10, 2, mem, ea, lane};
        } else {
            throw new UnsupportedOperationException();
        }
        if (p.length == 4 && !op.split(" ")[0].startsWith("v128.load")) throw new UnsupportedOperationException();
        try {
            MethodHandles.publicLookup().unreflect(k).invokeWithArguments(call);
        } catch (IndexOutOfBoundsException e) {
            return expectTrap ? null : "unexpected trap at ea=" + ea;
        } catch (Throwable t) {
            return "threw " + t;
        }
        if (expectTrap) return "expected a trap at ea=" + ea;
        V got = new V(regs[10], regs[11]), w = new V(want.lo(), want.hi());
        return got.equals(w) ? null : "ea=" + ea + " want " + w + " got " + got;
    }

    @Test
    void parserSanity() {
        assertEquals(0x7F80_0000L, floatBits("inf", 32));
        assertEquals(0xFF80_0000L, floatBits("-inf", 32));
        assertEquals(0x7FA0_0000L, floatBits("nan:0x200000", 32));
        assertEquals(Float.floatToRawIntBits(0x1.fffffep127f), (int) floatBits("0x1.fffffep+127", 32));
        assertEquals(-128L, intBits("-0x80"));
        assertEquals(0xFFL, intBits("0xFF") & 0xFF);
    }
}
