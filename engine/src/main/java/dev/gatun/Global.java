package dev.gatun;

import dev.gatun.runtime.GlobalInst;
import dev.gatun.interpreter.Interpreter;

import java.util.Objects;

/** A global variable, created by Java code or exported by an instance; an imported global is shared. */
public final class Global implements Extern {
    final GlobalInst inst;

    public Global(GlobalType type, Value value) {
        Objects.requireNonNull(type, "type");
        this.inst = new GlobalInst(type);
        inst.api = this;
        store(value == null ? Value.zero(type.valType()) : value);
    }

    Global(GlobalInst inst) {
        this.inst = inst;
        inst.api = this;
    }

    static Global of(GlobalInst inst) {
        return inst.api instanceof Global g ? g : new Global(inst);
    }

    @Override
    public GlobalType type() { return inst.type; }

    public Value get() { return Interpreter.toValue(inst.type.valType(), inst.bits, inst.hi, inst.ref); }

    /** Sets a mutable global. @throws IllegalStateException if the global is immutable */
    public void set(Value value) {
        if (!inst.type.mutable()) throw new IllegalStateException("global is immutable");
        store(value);
    }

    private void store(Value value) {
        if (!Interpreter.matches(inst.type.valType(), value)) {
            throw new IllegalArgumentException("value must be " + inst.type.valType() + ", got " + value);
        }
        inst.bits = Interpreter.bits(value);
        inst.hi = Interpreter.hi(value);
        inst.ref = Interpreter.ref(value);
    }

    @Override
    public String toString() { return "Global[" + inst.type + " = " + get() + "]"; }
}
