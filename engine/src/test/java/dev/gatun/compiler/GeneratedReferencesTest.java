package dev.gatun.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.CompileError;
import dev.gatun.WebAssembly;
import dev.gatun.binary.ModuleDecoder;
import dev.gatun.model.WasmModule;
import dev.gatun.testing.SpecSuite;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Generated code names the engine's methods and fields by string: every such reference in the classes
 * generated for the spec suite's modules must exist, with that descriptor, and be accessible from the
 * generated class's package (a rename or a lost {@code public} shows here, not as a linkage error at run time).
 */
class GeneratedReferencesTest {
    @Test
    void everyEngineMemberGeneratedCodeNamesExists() throws Exception {
        Path dir = SpecSuite.jsonDir();
        Assumptions.assumeTrue(dir != null, "spec test suite not found");
        Set<String> checked = new TreeSet<>(), broken = new TreeSet<>();
        int modules = 0;
        for (Path wasm : SpecSuite.wasmFiles(dir)) {
            byte[] bytes = Files.readAllBytes(wasm);
            try {
                WebAssembly.compile(bytes);
            } catch (CompileError e) {
                continue;
            }
            modules++;
            for (byte[] c : classes(ModuleDecoder.decode(bytes))) {
                for (PoolEntry e : ClassFile.of().parse(c).constantPool()) {
                    if (!(e instanceof MemberRefEntry ref)) continue;
                    String owner = ref.owner().asInternalName();
                    if (!owner.startsWith("dev/gatun/") || owner.contains("WasmCode")) continue;
                    String key = owner + "." + ref.name().stringValue() + ref.type().stringValue();
                    if (checked.add(key) && !resolves(owner.replace('/', '.'), ref.name().stringValue(), ref.type().stringValue()))
                        broken.add(key);
                }
            }
        }
        assertTrue(modules > 100 && checked.size() > 50, modules + " modules, " + checked.size() + " references");
        assertEquals(Set.of(), broken, "generated code names members that do not exist or are not accessible");
    }

    /** The classes the compiler generates for a module, as Compiler.compile lays them out (one attempt). */
    private static byte[][] classes(WasmModule mod) {
        int nDef = mod.codes().size();
        int[] typeIds = new int[mod.types().size()];
        for (int i = 0; i < typeIds.length; i++) typeIds[i] = mod.types().get(i).id();
        boolean[] ok = new boolean[nDef];
        Compiler.BodySummary[] scans = new Compiler.BodySummary[nDef];
        for (int i = 0; i < nDef; i++) {
            scans[i] = Compiler.BodySummary.of(mod, mod.importedFuncs() + i);
            ok[i] = scans[i].ok();
        }
        Compiler.GeneratedClass g = new Compiler.GeneratedClass(mod, typeIds, ok, scans, new int[nDef], 0, false);
        return g.any() ? new byte[][] {g.generate()} : new byte[0][];
    }

    private static boolean resolves(String owner, String name, String descriptor) throws ClassNotFoundException {
        Class<?> c = Class.forName(owner);
        String pkg = Compiler.class.getPackageName();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            boolean samePackage = k.getPackageName().equals(pkg);
            if (descriptor.startsWith("(")) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.getName().equals(name) && descriptor(m).equals(descriptor)
                            && (samePackage || Modifier.isPublic(m.getModifiers()) && Modifier.isPublic(k.getModifiers()))) return true;
                }
            } else {
                for (Field f : k.getDeclaredFields()) {
                    if (f.getName().equals(name) && f.getType().descriptorString().equals(descriptor)
                            && (samePackage || Modifier.isPublic(f.getModifiers()) && Modifier.isPublic(k.getModifiers()))) return true;
                }
            }
        }
        return false;
    }

    private static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) sb.append(p.descriptorString());
        return sb.append(')').append(m.getReturnType().descriptorString()).toString();
    }
}
