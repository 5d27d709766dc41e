package dev.gatun;

import dev.gatun.model.ConstExpr;
import dev.gatun.model.WasmModule;
import dev.gatun.interpreter.FuncInst;
import dev.gatun.runtime.GlobalInst;
import dev.gatun.interpreter.FuelCosts;
import dev.gatun.interpreter.InstanceState;
import dev.gatun.runtime.MemInst;
import dev.gatun.runtime.TableInst;
import dev.gatun.runtime.TagInst;
import dev.gatun.runtime.WasmTrap;
import dev.gatun.memory.NativeMemoryException;
import dev.gatun.memory.ReservationLimitException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Linking and instantiation (spec: module instantiation, Wasm 2.0 order). */
final class Instantiator {
    private Instantiator() {}


    static Instance instantiate(Module module, Imports imports, InstanceLimits limits) {
        if (imports == null) imports = Imports.empty();
        if (limits == null) limits = InstanceLimits.NONE;
        WasmModule wm = module.wasm();
        InstanceState st = new InstanceState(wm, module.code);
        if (limits.maxCallDepth() > 0) st.maxDepth = Math.min(limits.maxCallDepth(), st.maxDepth);
        long fuel = Math.max(limits.fuel(), 0);
        FuelCosts.set(st, fuel);
        int nf = wm.functionCount();
        FuncInst[] funcs = new FuncInst[nf];
        TableInst[] tables = new TableInst[wm.tables().size()];
        MemInst[] mems = new MemInst[wm.memories().size()];
        Memory[] memories = new Memory[mems.length];   // the public objects behind mems
        GlobalInst[] globals = new GlobalInst[wm.globals().size()];
        TagInst[] tags = new TagInst[wm.tagTypes().length];
        int fi = 0, ti = 0, mi = 0, gi = 0, xi = 0;
        Caller caller = null;   // shared by every Caller-taking import of this instance

        // Resolve and type-check the imports.
        for (WasmModule.Import imp : wm.imports()) {
            Extern e = imports.get(imp.module(), imp.name());
            if (e == null) throw new LinkError(imp.module(), imp.name(), "unknown import");
            switch (imp.kind()) {
                case FUNCTION -> {
                    if (!(e instanceof Function f)) throw incompatible(imp, "expected a function, got " + e.type().kind());
                    // By defined type and subtyping (GC), which also settles the kinds the API's type shows.
                    dev.gatun.model.DefinedType want = wm.types().get(imp.typeidx()), got = FunctionHandle.inst(f).deftype;
                    if (!got.isSubtypeOf(want)) throw incompatible(imp, "expected function " + want + ", got " + got);
                    FunctionHandle h = (FunctionHandle) f;
                    if (h.withCaller != null) {
                        if (caller == null) caller = new Caller();
                        funcs[fi++] = FunctionHandle.inst(h.bind(caller));
                    } else {
                        funcs[fi++] = FunctionHandle.inst(f);
                    }
                }
                case TABLE -> {
                    TableType want = ApiTypes.api((dev.gatun.model.TableType) imp.type());
                    if (!(e instanceof Table t)) throw incompatible(imp, "expected a table, got " + e.type().kind());
                    TableType got = t.type();
                    // Tables are mutable: element types match exactly.
                    if (!t.inst.element.equals(((dev.gatun.model.TableType) imp.type()).element()) || got.address64() != want.address64()
                            || !got.limits().matches(want.limits()))
                        throw incompatible(imp, "expected " + want + ", got " + got);
                    tables[ti++] = t.inst;
                }
                case MEMORY -> {
                    MemoryType want = ApiTypes.api((dev.gatun.model.MemoryType) imp.type());
                    if (!(e instanceof Memory m)) throw incompatible(imp, "expected a memory, got " + e.type().kind());
                    MemoryType got = m.type();
                    if (got.shared() != want.shared() || got.address64() != want.address64()
                            || !got.limits().matches(want.limits()))
                        throw incompatible(imp, "expected " + want + ", got " + got);
                    memories[mi] = m;
                    mems[mi++] = new MemInst(m.linear());
                }
                case GLOBAL -> {
                    if (!(e instanceof Global g)) throw incompatible(imp, "expected a global, got " + e.type().kind());
                    // An immutable global may be of a subtype; a mutable one is read and written, so exactly.
                    dev.gatun.model.GlobalType wantFull = (dev.gatun.model.GlobalType) imp.type(), gotFull = g.inst.type;
                    // Java's global types name no heap types, so an immutable global Java made is taken by its value,
                    // as JS takes a plain value for an immutable import: a non-null externref meets (ref extern).
                    boolean byValue = g.host && !wantFull.mutable() && !gotFull.mutable()
                            && Marshalling.matches(wantFull.type(), g.get());
                    if (!byValue && (gotFull.mutable() != wantFull.mutable() || (wantFull.mutable() ? !gotFull.type().equals(wantFull.type())
                            : !gotFull.type().matches(wantFull.type()))))
                        throw incompatible(imp, "expected " + wantFull + ", got " + gotFull);
                    globals[gi++] = g.inst;
                }
                case TAG -> {
                    dev.gatun.model.FunctionType want = wm.functionType(imp.typeidx());
                    if (!(e instanceof Tag t)) throw incompatible(imp, "expected a tag, got " + e.type().kind());
                    if (t.inst.deftype != wm.types().get(imp.typeidx())) throw incompatible(imp, "expected tag " + want.params() + ", got " + t.type().params());
                    tags[xi++] = t.inst;
                }
            }
        }

        // Allocate the module's own functions, tables, memories and globals.
        for (int i = fi; i < nf; i++) funcs[i] = new FuncInst(st, i, wm.types().get(wm.funcTypes()[i]));
        st.funcs = funcs;
        st.cache.register(st);
        ResourceLimiter limiter = limits.limiter();
        boolean limited = limiter != ResourceLimiter.UNLIMITED;
        for (int i = ti; i < tables.length; i++) {
            dev.gatun.model.TableType tt = wm.tables().get(i);
            try {
                tables[i] = new TableInst(tt, null, limits.tableElements());
            } catch (WasmTrap ex) {
                throw new RuntimeError(RuntimeError.Trap.valueOf(ex.kind.name()), "cannot allocate table " + i + ": " + ex.getMessage(), List.of(), null);
            }
            if (limited) {
                TableInst t = tables[i];
                if (!limiter.tableGrowing(0, t.size, t.max)) {
                    throw new RuntimeError(RuntimeError.Trap.LIMIT_EXCEEDED, "the resource limiter refused table " + i + " of " + t.size + " elements", List.of(), null);
                }
                t.limiter = limiter::tableGrowing;
            }
        }
        st.tables = tables;
        List<Memory> own = new ArrayList<>();
        for (int i = mi; i < mems.length; i++) {
            dev.gatun.model.MemoryType mt = wm.memories().get(i);
            Memory m;
            try {
                m = new Memory(ApiTypes.api(mt), limits.memoryPages());
            } catch (ReservationLimitException | NativeMemoryException | OutOfMemoryError ex) {
                for (Memory o : own) o.close();
                throw new RuntimeError(RuntimeError.Trap.RESOURCE_EXHAUSTED, "cannot allocate memory " + i + ": " + ex.getMessage(), List.of(), ex);
            } catch (IllegalArgumentException ex) {
                // The module's own declaration is valid (it passed validation), so this is the embedder's cap.
                for (Memory o : own) o.close();
                throw new RuntimeError(RuntimeError.Trap.LIMIT_EXCEEDED, "cannot allocate memory " + i + ": " + ex.getMessage(), List.of(), null);
            }
            own.add(m);
            memories[i] = m;
            mems[i] = new MemInst(m.linear());
            if (limited) {
                long min = mt.limits().min();
                if (!limiter.memoryGrowing(0, min, m.linear().limitPages())) {
                    for (Memory o : own) o.close();
                    throw new RuntimeError(RuntimeError.Trap.LIMIT_EXCEEDED, "the resource limiter refused memory " + i + " of " + min + " pages", List.of(), null);
                }
                mems[i].limiter = limiter::memoryGrowing;
            }
        }
        st.mems = mems;
        st.mem0 = mems.length > 0 ? mems[0] : null;
        st.globals = globals;
        for (int i = xi; i < tags.length; i++) tags[i] = new TagInst(wm.types().get(wm.tagTypes()[i]));
        st.tags = tags;
        for (int i = gi; i < globals.length; i++) {
            GlobalInst g = new GlobalInst(wm.globals().get(i));
            ConstExpr init = wm.globalInits().get(i - wm.importedGlobals());
            g.bits = evalBits(st, init);
            g.hi = evalHi(st, init);
            g.ref = evalRef(st, init);
            globals[i] = g;
        }
        // A table's initialiser (typed references) reads only imported globals and functions.
        for (int i = ti; i < tables.length; i++) {
            ConstExpr init = wm.tableInits().get(i - wm.importedTables());
            if (init != null) tables[i].fill(0, evalRef(st, init), tables[i].size);
        }

        // Segments: references and bytes evaluated now; applied below in spec order.
        List<WasmModule.ElementSegment> es = wm.elements();
        st.elems = new Object[es.size()][];
        for (int i = 0; i < es.size(); i++) {
            List<ConstExpr> init = es.get(i).init();
            Object[] refs = new Object[init.size()];
            for (int j = 0; j < refs.length; j++) refs[j] = evalRef(st, init.get(j));
            st.elems[i] = refs;
        }
        List<WasmModule.DataSegment> ds = wm.datas();
        st.datas = new byte[ds.size()][];
        for (int i = 0; i < ds.size(); i++) st.datas[i] = ds.get(i).bytes();

        try {
            for (int i = 0; i < es.size(); i++) {
                WasmModule.ElementSegment seg = es.get(i);
                if (seg.mode() == WasmModule.SegmentMode.ACTIVE) {
                    TableInst t = tables[seg.tableidx()];
                    long off = address(evalBits(st, seg.offset()), t.address64);
                    Object[] refs = st.elems[i];
                    if (off < 0 || off + refs.length > t.size) throw trap(RuntimeError.Trap.OUT_OF_BOUNDS_TABLE);
                    System.arraycopy(refs, 0, t.elems, (int) off, refs.length);
                }
                if (seg.mode() != WasmModule.SegmentMode.PASSIVE) st.elems[i] = new Object[0];
            }
            for (int i = 0; i < ds.size(); i++) {
                WasmModule.DataSegment seg = ds.get(i);
                if (seg.mode() == WasmModule.SegmentMode.ACTIVE) {
                    Memory m = memories[seg.memidx()];
                    long off = address(evalBits(st, seg.offset()), m.type().address64());
                    byte[] b = seg.bytes();
                    if (off < 0 || off + b.length > m.byteSize()) throw trap(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY);
                    if (b.length > 0) m.write(off, b);
                    st.datas[i] = new byte[0];
                }
            }
        } catch (RuntimeError ex) {
            for (Memory o : own) o.close();
            throw ex;
        }

        LinkedHashMap<String, Extern> ex = new LinkedHashMap<>();
        for (WasmModule.Export e : wm.exports()) {
            Extern v = switch (e.kind()) {
                case FUNCTION -> FunctionHandle.of(funcs[e.index()]);
                case TABLE -> Table.of(tables[e.index()]);
                case MEMORY -> memories[e.index()];
                case GLOBAL -> Global.of(globals[e.index()]);
                case TAG -> Tag.of(tags[e.index()]);
            };
            ex.put(e.name(), v);
        }
        Instance instance = new Instance(module, st, new Exports(wm.names().module(), ex), List.copyOf(own), fuel);
        if (caller != null) caller.bind(instance, memories.length > 0 ? memories[0] : null);
        if (wm.start() >= 0) FunctionHandle.of(funcs[wm.start()]).call();
        return instance;
    }

    /** A segment offset as an unsigned address: 32 bits, or 64 (then above 2^63 it is negative: out of bounds). */
    private static long address(long bits, boolean address64) {
        return address64 ? bits : bits & 0xFFFF_FFFFL;
    }

    private static RuntimeError trap(RuntimeError.Trap t) {
        return new RuntimeError(t, null, List.of(), null);
    }

    private static LinkError incompatible(WasmModule.Import imp, String detail) {
        return new LinkError(imp.module(), imp.name(), "incompatible import type (" + detail + ")");
    }

    private static long evalBits(InstanceState st, ConstExpr e) {
        return switch (e) {
            case ConstExpr.Num n -> n.bits();
            case ConstExpr.V128 v -> v.lo();
            case ConstExpr.GlobalGet g -> st.globals[g.globalidx()].bits;
            case ConstExpr.Arith a -> a.apply(evalBits(st, a.lhs()), evalBits(st, a.rhs()));
            default -> 0;
        };
    }

    /** High half of a v128 initializer (0 for the other types). */
    private static long evalHi(InstanceState st, ConstExpr e) {
        return switch (e) {
            case ConstExpr.V128 v -> v.hi();
            case ConstExpr.GlobalGet g -> st.globals[g.globalidx()].hi;
            default -> 0;
        };
    }

    private static Object evalRef(InstanceState st, ConstExpr e) {
        return switch (e) {
            case ConstExpr.RefFunc f -> st.funcs[f.funcidx()];
            case ConstExpr.GlobalGet g -> st.globals[g.globalidx()].ref;
            case ConstExpr.Gc g -> {
                try {
                    yield evalGc(st, g);
                } catch (dev.gatun.runtime.WasmTrap t) {
                    // An allocation too large for the JVM, while instantiating.
                    throw new RuntimeError(RuntimeError.Trap.valueOf(t.kind.name()), t.getMessage(), List.of(), null);
                }
            }
            default -> null;
        };
    }

    /** A GC constant: an i31, a struct or array made at instantiation, or a reference converted (itself). */
    private static Object evalGc(InstanceState st, ConstExpr.Gc g) {
        List<ConstExpr> ops = g.operands();
        switch (g.op()) {
            case REF_I31: return dev.gatun.runtime.I31.of((int) evalBits(st, ops.get(0)));
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY: return evalRef(st, ops.get(0));
            default: break;
        }
        dev.gatun.model.DefinedType t = st.module.types().get(g.typeidx());
        return switch (g.op()) {
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> {
                dev.gatun.runtime.GcLayout l = dev.gatun.runtime.GcLayout.of(t);
                dev.gatun.runtime.GcStruct s = l.allocate();
                if (g.op() == dev.gatun.model.Instruction.STRUCT_NEW) {
                    for (int i = 0; i < ops.size(); i++) {
                        int slot = l.slot()[i];
                        if (slot < 0) {
                            s.refs[~slot] = evalRef(st, ops.get(i));
                        } else {
                            s.bits[slot] = evalBits(st, ops.get(i));
                            if (((dev.gatun.model.StructType) t.composite()).fields().get(i).type().kind() == dev.gatun.model.ValType.V128)
                                s.bits[slot + 1] = evalHi(st, ops.get(i));
                        }
                    }
                }
                yield s;
            }
            case ARRAY_NEW -> dev.gatun.runtime.GcOps.filled(t, (int) evalBits(st, ops.get(1)), evalBits(st, ops.get(0)),
                    evalHi(st, ops.get(0)), evalRef(st, ops.get(0)));
            case ARRAY_NEW_DEFAULT -> dev.gatun.runtime.GcOps.allocate(t, (int) evalBits(st, ops.get(0)));
            default -> {
                dev.gatun.runtime.GcArray a = dev.gatun.runtime.GcOps.allocate(t, ops.size());
                for (int i = 0; i < ops.size(); i++)
                    dev.gatun.runtime.GcOps.set(a, i, evalBits(st, ops.get(i)), evalHi(st, ops.get(i)), evalRef(st, ops.get(i)));
                yield a;
            }
        };
    }
}
