package dev.gatun.compiler;

import dev.gatun.interpreter.CallStack;
import dev.gatun.interpreter.CompiledCode;
import dev.gatun.interpreter.InstanceState;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
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
 * A compile served from the class cache defers each class ({@link #defer}) until a call first needs it, so
 * a start-up defines and verifies only the classes that run (SQLite: 2.6 MB of classes, most of them cold).
 * Guarded by its own lock: batches are defined on a compiler thread while other threads link. A deferred
 * class is defined under its own lock, never while holding this one's: the order is always this, then it.
 */
final class Linker {
    final int imported;
    /** By defined index: the class the function is compiled into, -1 before (shared with the compile, written by it). */
    final int[] classOf;
    private final List<MethodHandles.Lookup> classes = new ArrayList<>();
    /** By funcidx: the call sites waiting for a function no class has defined yet. */
    private final Map<Integer, List<MutableCallSite>> waiting = new HashMap<>();
    private final boolean[] defined;
    /** By class: the ones from the class cache, defined on first use; none outside a cache hit. */
    private final Map<Integer, Deferred> deferred = new HashMap<>();

    Linker(int imported, int[] classOf) {
        this.imported = imported;
        this.classOf = classOf;
        this.defined = new boolean[classOf.length];
    }

    /** The lookup of class k, null before it is defined; a deferred class is defined now. */
    MethodHandles.Lookup lookup(int k) {
        Deferred d;
        synchronized (this) {
            MethodHandles.Lookup l = k < classes.size() ? classes.get(k) : null;
            if (l != null) return l;
            d = deferred.get(k);
        }
        return d == null ? null : d.lookup();
    }

    /** The lookup of the class compiled function funcidx is in, null when none holds it. */
    MethodHandles.Lookup lookupOf(int funcidx) {
        int i = funcidx - imported;
        synchronized (this) {
            if (i < 0 || i >= defined.length || !defined[i]) return null;
        }
        return lookup(classOf[i]);
    }

    /**
     * Class k's bytes, from the class cache, holding the given defined functions: defined when a call first
     * needs it, by definer (which defines the class and makes its entry); onFailure runs if that fails.
     * The result is the class's entry, standing in for it until then.
     */
    synchronized CompiledCode defer(int k, byte[] bytes, List<Integer> functions, Definer definer, Runnable onFailure) {
        Deferred d = new Deferred(bytes, definer, onFailure);
        deferred.put(k, d);
        for (int i : functions) defined[i] = true;
        return d;
    }

    /** Defines a class's bytes (with this linker as its class data), returning its lookup and entry. */
    interface Definer {
        Defined define(byte[] bytes) throws Throwable;
    }

    record Defined(MethodHandles.Lookup lookup, CompiledCode code) {}

    /** Deferred classes defined in this process (tests read it). */
    static long deferredDefined() { return Deferred.DEFINED.get(); }

    /**
     * A class of a cache hit, defined on first use. Its classes were defined and verified when the entry was
     * stored, by the same engine on the same JVM, so a failure here is the JVM's (e.g. metaspace): the entry
     * is evicted, and the call that needed the class fails with an internal error instead of running.
     */
    private static final class Deferred implements CompiledCode {
        static final java.util.concurrent.atomic.AtomicLong DEFINED = new java.util.concurrent.atomic.AtomicLong();

        private byte[] bytes;
        private final Definer definer;
        private final Runnable onFailure;
        private volatile Defined defined;
        private RuntimeException failure;

        Deferred(byte[] bytes, Definer definer, Runnable onFailure) {
            this.bytes = bytes;
            this.definer = definer;
            this.onFailure = onFailure;
        }

        MethodHandles.Lookup lookup() { return get().lookup(); }

        private Defined get() {
            Defined d = defined;
            return d != null ? d : define();
        }

        private synchronized Defined define() {
            if (defined != null) return defined;
            if (failure == null) {
                try {
                    defined = definer.define(bytes);
                    bytes = null;
                    DEFINED.incrementAndGet();
                    return defined;
                } catch (Throwable t) {
                    failure = new IllegalStateException("a class from the class cache did not load: " + t, t);
                    onFailure.run();
                }
            }
            throw failure;
        }

        @Override
        public void invoke(int funcidx, CallStack m, int fp, InstanceState inst, int depth) {
            get().code().invoke(funcidx, m, fp, inst, depth);
        }

        @Override
        public void invokeTail(int funcidx, CallStack m, int fp, InstanceState inst, int depth) {
            get().code().invokeTail(funcidx, m, fp, inst, depth);
        }

        @Override
        public boolean osr(int funcidx, int loop, CallStack m, int fp, InstanceState inst, int depth) {
            return get().code().osr(funcidx, loop, m, fp, inst, depth);
        }
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
        MethodHandles.Lookup target;
        try {
            target = l.lookupOf(funcidx);
        } catch (IllegalStateException e) {
            // A deferred class did not load: this call site throws, inside the caller's trap handler, rather
            // than the bootstrap failing with an Error that no handler turns into a trap.
            MethodHandle fail = MethodHandles.throwException(type.returnType(), IllegalStateException.class).bindTo(e);
            return new ConstantCallSite(MethodHandles.dropArguments(fail, 0, type.parameterList()));
        }
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
