package dev.gatun.interpreter;

/**
 * The code of one module's functions, shared by all its instances: tier-1 IR translated on first use,
 * and tier-2 classes where the module is compiled. Implemented by the tiering package, which decides
 * when to compile; the interpreter only reports the work it sees.
 */
public interface ModuleCode {
    /** The IR of defined function {@code funcidx}, translated on first use. */
    IrFunction code(int funcidx);

    /** The compiled code that runs defined function {@code funcidx}, or null while it is interpreted. */
    CompiledCode compiled(int funcidx);

    /**
     * The compiled static method of defined function {@code funcidx}, {@code (params..., InstanceState, int
     * depth) -> result}, or null while it is interpreted.
     */
    java.lang.invoke.MethodHandle entry(int funcidx);

    /** Records interpreter work (host entries, interrupt polls) in function funcidx (-1: none in particular) for the tiering policy. */
    void heat(int funcidx, int amount);

    /** Records a call of interpreted function funcidx from outside the interpreter's loop (compiled code). */
    void called(int funcidx);

    /** An instance whose functions switch to compiled code when it is published. */
    void register(InstanceState st);

    /** The canonical id of each type-section entry ({@link dev.gatun.model.DefinedType#id()}), this process's numbering. */
    int[] typeIds();
}
