package dev.gatun.interpreter;

import dev.gatun.runtime.GlobalInst;
import dev.gatun.runtime.MemInst;
import dev.gatun.runtime.TableInst;
import dev.gatun.runtime.TagInst;
import dev.gatun.model.WasmModule;

import java.lang.foreign.MemorySegment;

/** The run-time state of one instance, as the interpreter sees it. Filled in by the instantiation code. */
public final class InstanceState {
    public final WasmModule module;
    public final ModuleCode cache;
    public FuncInst[] funcs;
    public TableInst[] tables;
    public MemInst[] mems;
    public MemInst mem0;
    public GlobalInst[] globals;
    /** Exception tags, imported first ({@code tagidx} space). */
    public TagInst[] tags;
    public Object[][] elems;     // element segments' references; empty once dropped
    public byte[][] datas;       // data segments' bytes; empty once dropped
    public volatile boolean interruptRequested;
    public volatile long deadlineNanos;   // System.nanoTime() deadline, 0 = none
    /** Call depth at which calls by this instance's code trap (InstanceLimits; at most CallStack.MAX_DEPTH). */
    public int maxDepth = CallStack.MAX_DEPTH;
    /**
     * Fuel left when the module is metered: this slice, which code charges, plus the reserve that refills
     * it ({@link FuelCosts}). Plain fields: threads sharing an instance share them racily.
     */
    public int fuel;
    public long fuelReserve;
    /** Set by Instance.close(): calls in fail with the CLOSED kind rather than whatever the freed memory throws. */
    public volatile boolean closed;
    /** Compiled calls left before the next interrupt poll (tier 2's countdown at function entry). */
    public int callBudget = Interpreter.BUDGET;

    /**
     * The canonical id of each of the module's types; generated code reads call_indirect's expected id
     * here, so its classes hold no number of this process's own (and can be cached on disk).
     */
    public final int[] typeIds;

    public InstanceState(WasmModule module, ModuleCode cache) {
        this.module = module;
        this.cache = cache;
        this.typeIds = cache.typeIds();
    }

    public MemorySegment memSeg() {
        MemInst m = mem0;
        return m == null ? null : m.lin.segment();
    }
}
