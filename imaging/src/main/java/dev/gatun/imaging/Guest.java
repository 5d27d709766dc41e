package dev.gatun.imaging;

import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.ImportDescriptor;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.InstanceLimits;
import dev.gatun.Memory;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import dev.gatun.WebAssemblyException;
import dev.gatun.wasi.Wasi;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * One instance of an imaging module and the convention every such module follows: it exports its
 * {@code memory}, {@code alloc(size) -> ptr} and {@code dealloc(ptr)}. Not thread-safe, like the instance.
 */
final class Guest implements AutoCloseable {
    private final Instance instance;
    private final Memory memory;
    private final Function alloc;
    private final Function dealloc;
    private final Wasi wasi;
    private Duration timeout;

    Guest(Module module, InstanceLimits limits) {
        boolean needsWasi = module.imports().stream().map(ImportDescriptor::module).anyMatch(Wasi.MODULE::equals);
        this.wasi = needsWasi ? Wasi.builder().build() : null;
        Instance inst = null;
        try {
            inst = WebAssembly.instantiate(module, wasi != null ? wasi.imports() : Imports.builder().build(), limits);
            instance = inst;
            if (!inst.exports().has("memory")) throw new ImagingException("the module exports no 'memory'");
            memory = inst.exports().memory("memory");
            alloc = i32Function("alloc", 1, 1);
            dealloc = i32Function("dealloc", 1, 0);
            if (wasi != null) wasi.initialize(inst);
            else if (inst.exports().has("_initialize")) call("_initialize", inst.exports().function("_initialize"));
        } catch (WebAssemblyException | ImagingException e) {
            if (inst != null) inst.close();
            if (wasi != null) wasi.close();
            if (e instanceof ImagingException ie) throw ie;
            throw new ImagingException("cannot instantiate the imaging module: " + e.getMessage(), e);
        }
    }

    /** The export {@code name}, which must take {@code params} i32s and return {@code results} (0 or 1) i32s. */
    Function i32Function(String name, int params, int results) {
        if (!instance.exports().has(name)) throw new ImagingException("the module exports no function '" + name + "'");
        Function f;
        try {
            f = instance.exports().function(name);
        } catch (WebAssemblyException e) {
            throw new ImagingException("the module's export '" + name + "' is not a function");
        }
        FunctionType t = f.type();
        boolean ok = t.params().size() == params && t.results().size() == results
                && t.params().stream().allMatch(ValType.I32::equals) && t.results().stream().allMatch(ValType.I32::equals);
        if (!ok) {
            throw new ImagingException("the module's '" + name + "' has type " + t + "; expected " + params
                    + " i32 parameter(s) and " + results + " i32 result(s)");
        }
        return f;
    }

    void timeout(Duration timeout) { this.timeout = timeout; }

    /** Calls {@code f}; a trap becomes an ImagingException saying {@code what} trapped, the trap as its cause. */
    int call(String what, Function f, Value... args) {
        if (timeout != null) instance.setTimeout(timeout);
        Value[] r;
        try {
            r = f.call(args);
        } catch (RuntimeError e) {
            throw new ImagingException(what + " trapped: " + e.getMessage(), e);
        }
        return r.length == 0 ? 0 : ((Value.I32) r[0]).value();
    }

    /** Allocates {@code size} bytes in the guest; never 0. */
    int alloc(long size) {
        if (size < 0 || size > 0xFFFF_FFFFL) throw new ImagingException("cannot allocate " + size + " bytes in a 32-bit memory");
        int p = call("alloc", alloc, Value.i32((int) size));
        if (p == 0) throw new ImagingException("the module is out of memory (asked for " + size + " bytes)");
        return p;
    }

    void free(int ptr) { if (ptr != 0) call("dealloc", dealloc, Value.i32(ptr)); }

    /**
     * A zero-copy view of {@code len} bytes at {@code ptr}. Taken fresh each time: a grow leaves older views
     * covering only the old size.
     */
    MemorySegment view(int ptr, long len) {
        long p = Integer.toUnsignedLong(ptr);
        MemorySegment all = memory.segment();
        if (len < 0 || p + len > all.byteSize()) {
            throw new ImagingException("the module pointed at bytes " + p + ".." + (p + len) + " outside its "
                    + all.byteSize() + "-byte memory");
        }
        return all.asSlice(p, len);
    }

    int readI32(int ptr) {
        return view(ptr, 4).get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0);
    }

    Memory memory() { return memory; }

    @Override
    public void close() {
        instance.close();
        if (wasi != null) wasi.close();
    }
}
