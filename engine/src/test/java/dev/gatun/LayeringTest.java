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
 * finds every package another one refers to, and they must form no cycle. The layers, bottom up: model,
 * binary, validation; runtime, interpreter, compiler, tiering; text; and on top the public API
 * ({@code dev.gatun}), which no other package refers to.
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

    @Test
    void internalPackagesNeverReferToTheApi() throws Exception {
        Map<String, Set<String>> uses = new TreeMap<>();
        dependencies().forEach((from, to) -> {
            if (!from.equals(ROOT) && to.contains(ROOT)) uses.put(from, to);
        });
        assertEquals(Map.of(), uses, "the public API is the top layer: no internal package may refer to dev.gatun");
    }

    @Test
    void packagesFormNoCycle() throws Exception {
        Map<String, Set<String>> deps = dependencies();
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
