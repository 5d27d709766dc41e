package dev.gatun.compiler;

import dev.gatun.interpreter.CompiledCode;
import dev.gatun.model.WasmModule;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One compile of a module's defined functions into classes, with failures isolated per function. A function
 * whose method is over the budget is generated again split into methods ({@link BodySplitter}), each
 * round with smaller ones while any is still over, until they fit or would hold too little to be worth a
 * method (then it stays in the interpreter, with the reason). When a
 * class cannot be built (the class builder refuses a method, e.g. its code is over 64 KiB) or defined (a
 * verify error), each of its functions is probed alone in a class of its own, the ones that fail stay in
 * the interpreter with the reason, and the module is generated again without them (their callers' call
 * sites change to the slow path). Every function left behind is named in the {@link Compiler.Report}.
 */
final class ModuleCompilation {
    private final WasmModule mod;
    private final int[] typeIds;
    private final boolean metered, osr;
    /** By defined index: its on-stack replacement entry is left out (over the method budget). */
    private final boolean[] noOsr;
    private final int nDef, imported;
    private final boolean[] ok;
    private final Compiler.BodySummary[] scans;
    private final int[] classOf;
    private int nClasses;
    /** Compiling in batches: the linker all batches share, and each function's code once a batch has it. */
    private final Linker batches;
    private final CompiledCode[] batchCode;
    /** By defined index: why the function stays in the interpreter (null while it is compiled). */
    private final String[] why;
    /** By defined index: bytes of its largest generated method, from the last build. */
    private final int[] methodBytes;
    /** By defined index: the Wasm bytes per method it is split into ({@link Compiler.GeneratedClass#splitBytes}). */
    private final int[] splitBytes;
    /** The {@link ClassCache} directory and key of this compile; null when it does not use the cache. */
    private final java.nio.file.Path cacheDir;
    private final byte[] key;

    ModuleCompilation(WasmModule mod, int[] typeIds, boolean metered, boolean osr, Compiler.Cache cache) {
        this(mod, typeIds, metered, osr, cache, false);
    }

    /**
     * With {@code batched}, nothing is compiled until {@link #batch} names the functions; each batch
     * becomes a class of its own, and functions are scanned as they are named.
     */
    ModuleCompilation(WasmModule mod, int[] typeIds, boolean metered, boolean osr, Compiler.Cache cache, boolean batched) {
        this.cacheDir = cache == null ? null : cache.dir();
        this.key = cache == null ? null : ClassCache.key(cache.moduleDigest(), metered, osr);
        this.mod = mod;
        this.typeIds = typeIds;
        this.metered = metered;
        this.osr = osr;
        this.imported = mod.importedFuncs();
        this.nDef = mod.codes().size();
        this.ok = new boolean[nDef];
        this.scans = new Compiler.BodySummary[nDef];
        this.classOf = new int[nDef];
        this.why = new String[nDef];
        this.methodBytes = new int[nDef];
        this.splitBytes = new int[nDef];
        this.noOsr = new boolean[nDef];
        if (batched) {
            java.util.Arrays.fill(classOf, -1);
            this.batches = new Linker(imported, classOf);
            this.batchCode = new CompiledCode[nDef];
            return;
        }
        this.batches = null;
        this.batchCode = null;
        int n = 1, classBytes = Compiler.classBytes();
        long size = 0;
        for (int i = 0; i < nDef; i++) {
            scans[i] = Compiler.BodySummary.of(mod, imported + i);
            ok[i] = scans[i].ok();
            why[i] = scans[i].why();
            int len = mod.codes().get(i).code().length;
            if (size > 0 && size + len > classBytes) {
                n++;
                size = 0;
            }
            size += len;
            classOf[i] = n - 1;
        }
        this.nClasses = n;
    }

    /**
     * Compiles the given defined functions (not compiled before) into one new class and defines it, with
     * failures isolated as in {@link #run}; calls between this class and the others link through the shared
     * {@link Linker}. The result has code for the functions this batch compiled (null elsewhere) and the
     * report of every batch so far. One batch at a time.
     */
    synchronized Compiler.Result batch(int[] defined) {
        int k = nClasses++;
        java.util.List<Integer> mine = new java.util.ArrayList<>();
        for (int i : defined) {
            if (ok[i] || why[i] != null) continue;
            scans[i] = Compiler.BodySummary.of(mod, imported + i);
            if (!scans[i].ok()) {
                why[i] = scans[i].why();
                continue;
            }
            ok[i] = true;
            classOf[i] = k;
            mine.add(i);
        }
        CompiledCode[] codes = new CompiledCode[nDef];
        try {
            while (true) {
                Compiler.GeneratedClass g = generator(k);
                if (!g.any()) break;
                byte[] bytes;
                try {
                    bytes = g.generate();
                } catch (RuntimeException | StackOverflowError e) {
                    isolate(k, e, false);
                    continue;
                }
                if (dropOversized(bytes)) continue;
                CompiledCode c;
                try {
                    c = define(bytes, batches, k);
                } catch (RuntimeException | LinkageError e) {
                    isolate(k, e, true);
                    continue;
                }
                mine.removeIf(i -> !ok[i]);
                batches.define(k, batches.lookup(k), mine);
                for (int i : mine) codes[i] = batchCode[i] = c;
                break;
            }
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            // Not one function's fault: this batch stays in tier 1, and says why.
            for (int i : mine) {
                if (!ok[i]) continue;
                ok[i] = false;
                why[i] = "its batch's compile failed: " + e;
            }
        }
        return new Compiler.Result(codes, batches, report());
    }

    Compiler.Result run() {
        if (key != null) {
            Compiler.Result cached = cached();
            if (cached != null) return cached;
        }
        try {
            // Each round that does not define the classes leaves at least one more function out, so this ends.
            while (true) {
                byte[][] classes = new byte[nClasses][];
                boolean dropped = false;
                for (int k = 0; k < nClasses; k++) {
                    Compiler.GeneratedClass g = generator(k);
                    if (!g.any()) continue;
                    try {
                        classes[k] = g.generate();
                    } catch (RuntimeException | StackOverflowError e) {
                        isolate(k, e, false);
                        dropped = true;
                        continue;
                    }
                    dropped |= dropOversized(classes[k]);
                }
                if (dropped) continue;
                Linker linker = new Linker(imported, classOf);
                CompiledCode[] byClass = new CompiledCode[nClasses];
                int failed = -1;
                Throwable failure = null;
                for (int k = 0; k < nClasses && failed < 0; k++) {
                    if (classes[k] == null) continue;
                    try {
                        byClass[k] = define(classes[k], linker, k);
                    } catch (RuntimeException | LinkageError e) {
                        failed = k;
                        failure = e;
                    }
                }
                if (failed >= 0) {
                    isolate(failed, failure, true);
                    continue;
                }
                if (key != null) ClassCache.store(cacheDir, key, new ClassCache.Entry(ok, noOsr, methodBytes, splitBytes, why, classes));
                return result(byClass, linker);
            }
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            // Not one function's fault (nothing above should get here): the module stays in tier 1, and says why.
            for (int i = 0; i < nDef; i++) {
                if (ok[i]) why[i] = "the module's compile failed: " + e;
                ok[i] = false;
            }
            return new Compiler.Result(new CompiledCode[nDef], null, report());
        }
    }

    /** The code of the functions compiled, as named by ok, with the linker told which class holds each. */
    private Compiler.Result result(CompiledCode[] byClass, Linker linker) throws ReflectiveOperationException {
        java.util.List<java.util.List<Integer>> byK = functionsByClass();
        for (int k = 0; k < nClasses; k++) if (byClass[k] != null) linker.define(k, linker.lookup(k), byK.get(k));
        return new Compiler.Result(codes(byClass), linker, report());
    }

    /** By class: the compiled functions (as named by ok) it holds. */
    private java.util.List<java.util.List<Integer>> functionsByClass() {
        java.util.List<java.util.List<Integer>> byK = new java.util.ArrayList<>();
        for (int k = 0; k < nClasses; k++) byK.add(new java.util.ArrayList<>());
        for (int i = 0; i < nDef; i++) if (ok[i]) byK.get(classOf[i]).add(i);
        return byK;
    }

    /** By defined function: the entry of its class, null where it is not compiled. */
    private CompiledCode[] codes(CompiledCode[] byClass) {
        CompiledCode[] codes = new CompiledCode[nDef];
        for (int i = 0; i < nDef; i++) if (ok[i]) codes[i] = byClass[classOf[i]];
        return codes;
    }

    /**
     * The compile as an earlier process left it in the class cache, or null (a miss). Its classes are
     * defined when a call first needs them ({@link Linker#defer}), not here: they loaded when the entry was
     * stored, and a start-up should pay only for the ones that run.
     */
    private Compiler.Result cached() {
        ClassCache.Entry e = ClassCache.load(cacheDir, key, nDef, nClasses);
        if (e == null) return null;
        System.arraycopy(e.ok(), 0, ok, 0, nDef);
        System.arraycopy(e.noOsr(), 0, noOsr, 0, nDef);
        System.arraycopy(e.methodBytes(), 0, methodBytes, 0, nDef);
        System.arraycopy(e.splitBytes(), 0, splitBytes, 0, nDef);
        System.arraycopy(e.why(), 0, why, 0, nDef);
        Linker linker = new Linker(imported, classOf);
        java.util.List<java.util.List<Integer>> byK = functionsByClass();
        CompiledCode[] byClass = new CompiledCode[nClasses];
        Runnable evict = () -> ClassCache.evict(cacheDir, key);
        for (int k = 0; k < nClasses; k++) {
            if (e.classes()[k] == null) continue;
            byClass[k] = linker.defer(k, e.classes()[k], byK.get(k), bytes -> {
                MethodHandles.Lookup l = defineClass(bytes, linker);
                return new Linker.Defined(l, entry(l));
            }, evict);
        }
        ClassCache.HITS.incrementAndGet();
        return new Compiler.Result(codes(byClass), linker, report());
    }

    private Compiler.GeneratedClass generator(int k) {
        Compiler.GeneratedClass g = new Compiler.GeneratedClass(mod, typeIds, ok, scans, classOf, k, metered);
        g.osr = osr;
        g.noOsr = noOsr;
        g.splitBytes = splitBytes;
        if (batches != null) g.later = why;
        return g;
    }

    private static CompiledCode define(byte[] bytes, Linker linker, int k) {
        try {
            MethodHandles.Lookup l = defineClass(bytes, linker);
            linker.define(k, l, java.util.List.of());
            return entry(l);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Defines (and so verifies) one generated class, the module's linker its class data. */
    private static MethodHandles.Lookup defineClass(byte[] bytes, Linker linker) throws IllegalAccessException {
        return MethodHandles.lookup().defineHiddenClassWithClassData(bytes, linker, true);
    }

    /** The class's generic entry (its one instance). */
    private static CompiledCode entry(MethodHandles.Lookup l) throws Throwable {
        return (CompiledCode) l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
    }

    /**
     * Class k failed to build (or, with {@code defining}, to define): each of its functions is built (and
     * defined) alone, and the ones that fail so leave the compile. When none fails alone, the failure is
     * the class's as a whole and all its functions leave, so the next round still makes progress.
     */
    private void isolate(int k, Throwable classFailure, boolean defining) {
        boolean any = false;
        for (int i = 0; i < nDef; i++) {
            if (!ok[i] || classOf[i] != k) continue;
            Compiler.GeneratedClass g = generator(k);
            g.only = i;
            try {
                byte[] bytes = g.generate();
                if (defining) define(bytes, new Linker(imported, classOf), k);
            } catch (RuntimeException | LinkageError e) {
                // The class file's own limit (64 KiB of code in a method): split the function.
                var tooLong = java.util.regex.Pattern.compile("^Code length (\\d+) is outside").matcher(String.valueOf(e.getMessage()));
                if (!defining && tooLong.find()) oversized(i, Integer.parseInt(tooLong.group(1)));
                else leave(i, reason(e, defining));
                any = true;
            }
        }
        if (any) return;
        for (int i = 0; i < nDef; i++) {
            if (ok[i] && classOf[i] == k) leave(i, "its class failed as a whole: " + reason(classFailure, defining));
        }
    }

    private static String reason(Throwable e, boolean defining) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        if (nl >= 0) msg = msg.substring(0, nl);
        return (defining ? "the JVM refused the generated method: " : "the class builder refused the generated method: ")
                + e.getClass().getSimpleName() + ": " + msg;
    }

    private void leave(int defined, String reason) {
        ok[defined] = false;
        why[defined] = reason;
    }

    /**
     * Splits functions whose generated methods are over the budget (HotSpot does not JIT-compile a method
     * over 8,000 bytes, so they would run slower compiled than interpreted), or splits them finer.
     */
    private boolean dropOversized(byte[] bytes) {
        int[] longest = new int[nDef];
        boolean dropped = false;
        int budget = Compiler.maxMethodBytes();
        ClassModel cm = ClassFile.of().parse(bytes);
        for (MethodModel m : cm.methods()) {
            String name = m.methodName().stringValue();
            boolean entry = name.startsWith("o") && !name.equals("osr");
            // A split function's regions: r<funcidx>_<id>.
            boolean region = name.startsWith("r") && name.indexOf('_') > 0;
            if (!name.startsWith("f") && !name.startsWith("b") && !entry && !region) continue;
            int defined = Integer.parseInt(name.substring(1, region ? name.indexOf('_') : name.length())) - imported;
            int len = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            if (entry) {
                // Only the on-stack replacement entry is too big: the function itself still compiles.
                if (len > budget) {
                    noOsr[defined] = true;
                    dropped = true;
                }
                continue;
            }
            longest[defined] = Math.max(longest[defined], len);
        }
        for (int i = 0; i < nDef; i++) {
            if (longest[i] == 0) continue;
            methodBytes[i] = longest[i];
            if (longest[i] > budget) {
                oversized(i, longest[i]);
                dropped = true;
            }
        }
        return dropped;
    }

    /** The smallest share of Wasm code worth a method of its own: a function that needs smaller ones stays in tier 1. */
    private static final int MIN_SPLIT_BYTES = 64;

    /**
     * Function i's largest method took len bytes, over the budget: the next round splits it into methods
     * of proportionally less Wasm code (with a margin, and at least a quarter less than this round).
     */
    private void oversized(int i, int len) {
        int budget = Compiler.maxMethodBytes();
        long prev = splitBytes[i] > 0 ? splitBytes[i] : mod.codes().get(i).code().length;
        long next = Math.min(prev * budget * 4 / 5 / len, prev * 3 / 4);
        if (next < MIN_SPLIT_BYTES) {
            leave(i, "its method of " + len + " bytes is over the " + budget + "-byte budget"
                    + (splitBytes[i] > 0 ? " even split into methods of about " + prev + " bytes of Wasm code" : ""));
        } else {
            splitBytes[i] = (int) next;
        }
    }

    private Compiler.Report report() {
        SortedMap<Integer, String> left = new TreeMap<>();
        int compiled = 0, largest = 0, largestAt = -1, split = 0;
        for (int i = 0; i < nDef; i++) {
            if (!ok[i]) {
                // (A compile in batches has not been asked for the others yet.)
                if (why[i] != null) left.put(imported + i, why[i]);
                continue;
            }
            compiled++;
            if (splitBytes[i] > 0) split++;
            if (methodBytes[i] > largest) {
                largest = methodBytes[i];
                largestAt = imported + i;
            }
        }
        return new Compiler.Report(compiled, java.util.Collections.unmodifiableSortedMap(left), largest, largestAt, split);
    }
}
