package dev.gatun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages depend on each other one way: a scan of the compiled classes' constant pools
 * finds every package another one refers to, and the internal packages must form no cycle. The layers,
 * bottom up: model, binary, validation; runtime, interpreter, compiler, tiering.
 */
class LayeringTest {
    static final String ROOT = "dev.gatun";

    /** Package -> the engine packages its classes refer to. */
    static Map<String, Set<String>> dependencies() throws IOException, URISyntaxException {
        Path classes = Path.of(WebAssembly.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                ClassModel cm = ClassFile.of().parse(Files.readAllBytes(p));
                String from = packageOf(cm.thisClass().asSymbol());
                if (!from.startsWith(ROOT)) continue;   // module-info
                Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
                for (PoolEntry e : cm.constantPool()) {
                    if (e instanceof ClassEntry c) add(to, from, c.asSymbol());
                    else if (e instanceof NameAndTypeEntry nt) descriptor(to, from, nt.type().stringValue());
                }
                cm.methods().forEach(m -> descriptor(to, from, m.methodType().stringValue()));
                cm.fields().forEach(f -> descriptor(to, from, f.fieldType().stringValue()));
            }
        }
        return deps;
    }

    private static void descriptor(Set<String> to, String from, String d) {
        if (d.startsWith("(")) {
            MethodTypeDesc m = MethodTypeDesc.ofDescriptor(d);
            add(to, from, m.returnType());
            m.parameterList().forEach(t -> add(to, from, t));
        } else {
            add(to, from, ClassDesc.ofDescriptor(d));
        }
    }

    private static void add(Set<String> to, String from, ClassDesc c) {
        while (c.isArray()) c = c.componentType();
        if (c.isPrimitive()) return;
        String p = packageOf(c);
        if ((p.equals(ROOT) || p.startsWith(ROOT + ".")) && !p.equals(from)) to.add(p);
    }

    private static String packageOf(ClassDesc c) {
        return c.packageName();
    }

    /**
     * Internal package -> the public API types it still refers to. The public API is to be the top layer,
     * which no internal package refers to; until the remaining value, type and function references are
     * inverted this list records them, and may only shrink: a new reference fails, and so does an entry
     * that is no longer needed.
     */
    static final Map<String, Set<String>> API_TYPES_STILL_USED = Map.of(
            "dev.gatun.binary", Set.of("ExternKind", "FunctionType", "GlobalType", "Limits", "MemoryType", "TableType", "ValType"),
            "dev.gatun.compiler", Set.of("FunctionType", "GlobalType", "RuntimeError", "TableType", "ValType"),
            "dev.gatun.interpreter", Set.of("ExternType", "Function", "FunctionType", "GlobalType", "HostFunction", "RuntimeError", "ValType", "Value"),
            "dev.gatun.model", Set.of("ExternKind", "FunctionType", "ValType"),
            "dev.gatun.runtime", Set.of("FunctionType", "GlobalType", "Limits", "TableType", "ValType"),
            "dev.gatun.tiering", Set.of("FunctionType"),
            "dev.gatun.validation", Set.of("ExternKind", "FunctionType", "GlobalType", "TableType", "ValType"));

    /** Internal package -> the top-level {@code dev.gatun} types its classes refer to. */
    static Map<String, Set<String>> apiReferences() throws IOException, URISyntaxException {
        Path classes = Path.of(WebAssembly.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> refs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                ClassModel cm = ClassFile.of().parse(Files.readAllBytes(p));
                String from = packageOf(cm.thisClass().asSymbol());
                if (!from.startsWith(ROOT + ".")) continue;
                Set<ClassDesc> used = new java.util.HashSet<>();
                for (PoolEntry e : cm.constantPool()) {
                    if (e instanceof ClassEntry c) used.add(c.asSymbol());
                    else if (e instanceof NameAndTypeEntry nt) types(used, nt.type().stringValue());
                }
                cm.methods().forEach(m -> types(used, m.methodType().stringValue()));
                cm.fields().forEach(f -> types(used, f.fieldType().stringValue()));
                for (ClassDesc c : used) {
                    while (c.isArray()) c = c.componentType();
                    if (c.isPrimitive() || !packageOf(c).equals(ROOT)) continue;
                    String name = c.displayName();
                    refs.computeIfAbsent(from, k -> new TreeSet<>()).add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                }
            }
        }
        return refs;
    }

    private static void types(Set<ClassDesc> out, String d) {
        if (d.startsWith("(")) {
            MethodTypeDesc m = MethodTypeDesc.ofDescriptor(d);
            out.add(m.returnType());
            out.addAll(m.parameterList());
        } else {
            out.add(ClassDesc.ofDescriptor(d));
        }
    }

    @Test
    void internalPackagesReferOnlyToTheListedApiTypes() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        API_TYPES_STILL_USED.forEach((k, v) -> expected.put(k, new TreeSet<>(v)));
        assertEquals(expected, apiReferences(),
                "internal packages must not take up new references to the public API; drop entries no longer needed");
    }

    @Test
    void internalPackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> deps = dependencies();
        deps.remove(ROOT);
        deps.values().forEach(s -> s.remove(ROOT));
        assertEquals(List.of(), cycles(deps), "package cycles; dependencies: " + deps);
    }

    /** The strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> on = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : g.keySet()) if (!index.containsKey(v)) connect(v, g, index, low, stack, on, out, next);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> on, List<Set<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        on.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, on, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (on.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                on.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) out.add(scc);
        }
    }
}
