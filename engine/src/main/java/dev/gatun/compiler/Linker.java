package dev.gatun.compiler;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the classes of one module share (each class's class data): the class each compiled function is
 * in, for linking calls between classes. A whole-module compile defines all classes at once; a compile
 * in batches ({@link ModuleCompilation#batch}) adds one class per batch while the module runs, so a call
 * to a function no batch has compiled yet links to a {@link MutableCallSite} that starts on the slow path
 * (through the callee's {@code FuncInst}) and is switched to the callee's method once a batch defines it
 * (C2 inlines through either kind of site; switching deoptimizes the code that inlined the old target).
 * Guarded by its own lock: batches are defined on a compiler thread while other threads link.
 */
final class Linker {
    final int imported;
    /** By defined index: the class the function is compiled into, -1 before (shared with the compile, written by it). */
    final int[] classOf;
    private final List<MethodHandles.Lookup> classes = new ArrayList<>();
    /** By funcidx: the call sites waiting for a function no class has defined yet. */
    private final Map<Integer, List<MutableCallSite>> waiting = new HashMap<>();
    private final boolean[] defined;

    Linker(int imported, int[] classOf) {
        this.imported = imported;
        this.classOf = classOf;
        this.defined = new boolean[classOf.length];
    }

    /** The lookup of class k, null before it is defined. */
    synchronized MethodHandles.Lookup lookup(int k) { return k < classes.size() ? classes.get(k) : null; }

    /** The lookup of the class compiled function funcidx is in, null when none holds it. */
    synchronized MethodHandles.Lookup lookupOf(int funcidx) {
        int i = funcidx - imported;
        return i >= 0 && i < defined.length && defined[i] ? classes.get(classOf[i]) : null;
    }

    /**
     * Class k is defined, holding the given defined functions: calls waiting for them now go straight to
     * their methods.
     */
    synchronized void define(int k, MethodHandles.Lookup l, List<Integer> functions) throws ReflectiveOperationException {
        while (classes.size() <= k) classes.add(null);
        classes.set(k, l);
        List<MutableCallSite> switched = new ArrayList<>();
        for (int i : functions) {
            defined[i] = true;
            List<MutableCallSite> sites = waiting.remove(imported + i);
            if (sites == null) continue;
            for (MutableCallSite s : sites) {
                s.setTarget(l.findStatic(l.lookupClass(), "f" + (imported + i), s.type()));
                switched.add(s);
            }
        }
        if (!switched.isEmpty()) MutableCallSite.syncAll(switched.toArray(MutableCallSite[]::new));
    }

    /** The bootstrap of a call into another class of the same module, compiled before the caller: a constant target. */
    static CallSite link(MethodHandles.Lookup caller, String name, MethodType type, int funcidx) throws ReflectiveOperationException {
        Linker l = MethodHandles.classData(caller, java.lang.constant.ConstantDescs.DEFAULT_NAME, Linker.class);
        MethodHandles.Lookup target = l.lookupOf(funcidx);
        return new ConstantCallSite(target.findStatic(target.lookupClass(), name, type));
    }

    /**
     * The bootstrap of a call to a function no batch had compiled when the caller was generated: its
     * method if it has been compiled since, else the caller's slow adapter {@code p<funcidx>} until it is.
     */
    static CallSite linkLater(MethodHandles.Lookup caller, String name, MethodType type, int funcidx) throws ReflectiveOperationException {
        Linker l = MethodHandles.classData(caller, java.lang.constant.ConstantDescs.DEFAULT_NAME, Linker.class);
        synchronized (l) {
            MethodHandles.Lookup target = l.lookupOf(funcidx);
            if (target != null) return new ConstantCallSite(target.findStatic(target.lookupClass(), name, type));
            MutableCallSite site = new MutableCallSite(caller.findStatic(caller.lookupClass(), "p" + funcidx, type));
            l.waiting.computeIfAbsent(funcidx, x -> new ArrayList<>()).add(site);
            return site;
        }
    }
}
