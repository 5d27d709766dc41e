package dev.gatun.interpreter;

import dev.gatun.model.DefinedType;
import dev.gatun.model.FunctionType;

/** A function instance: a Wasm function of some instance, or a host function. */
public final class FuncInst implements dev.gatun.runtime.Typed {
    public final FunctionType type;
    /** The canonical defined type (casts and call_indirect check subtyping on it) and its id. */
    public final DefinedType deftype;
    final int typeId;
    public final InstanceState inst;     // null for host functions
    public final int funcidx;            // index in the defining module's function space
    public final HostCode host;          // null for Wasm functions
    public final int nParams, nResults;
    /** Registers the parameters and the results take (a v128 takes two). */
    final int paramSlots, resultSlots;
    private IrFunction code;            // plain field: IrFunction is immutable with final fields
    /**
     * The module's compiled code when this function is compiled (tier 2), else null. Tiered execution
     * sets it later: plain fields, because every combination a racing reader can see is valid (a callee
     * with outOfLine set but no code yet is interpreted by {@link CompiledSupport#call}).
     */
    public CompiledCode cm;
    /** The interpreter's CALL leaves its loop for this callee (a host or compiled function). */
    boolean outOfLine;
    /**
     * The API's object for this function, made on first use and then kept, so the function has one
     * identity everywhere it surfaces (exports, tables, globals). Object: the engine does not know the API.
     */
    public Object api;

    public FuncInst(InstanceState inst, int funcidx, DefinedType deftype) {
        this.deftype = deftype;
        this.type = deftype.func();
        this.typeId = deftype.id();
        this.inst = inst;
        this.funcidx = funcidx;
        this.host = null;
        this.nParams = type.params().size();
        this.nResults = type.results().size();
        this.paramSlots = Translator.slots(type.params());
        this.resultSlots = Translator.slots(type.results());
        this.cm = inst.cache.compiled(funcidx);
        this.outOfLine = cm != null;
    }

    public FuncInst(FunctionType type, HostCode host) {
        this.type = type;
        this.deftype = DefinedType.of(type);
        this.typeId = deftype.id();
        this.inst = null;
        this.funcidx = -1;
        this.host = java.util.Objects.requireNonNull(host, "host");
        this.nParams = type.params().size();
        this.nResults = type.results().size();
        this.paramSlots = Translator.slots(type.params());
        this.resultSlots = Translator.slots(type.results());
        this.cm = null;
        this.outOfLine = true;
    }

    @Override
    public DefinedType deftype() { return deftype; }

    /** Switches this function to compiled code (tiered execution). */
    public void publish(CompiledCode c) {
        cm = c;
        outOfLine = true;
    }

    IrFunction code() {
        IrFunction c = code;
        if (c == null) code = c = inst.cache.code(funcidx);
        return c;
    }

    /** Module byte offset of the instruction at IR word pc, -1 if this function never ran in the interpreter. */
    long wasmOffset(int pc) {
        IrFunction c = code;
        return c == null ? -1 : c.wasmOffset(pc);
    }

    /** Name from the name section, else an export name (for trap frames), or null. */
    public String name() { return inst == null ? null : inst.module.frameName(funcidx); }

    @Override
    public String toString() {
        if (inst == null) return "host function " + type;
        String n = name();
        return "func " + funcidx + (n != null ? " $" + n : "") + " " + type;
    }
}
