package dev.gatun;

import dev.gatun.runtime.GlobalInst;

import java.util.Objects;

/** A global variable, created by Java code or exported by an instance; an imported global is shared. */
public final class Global implements Extern {
    final GlobalInst inst;
    private final GlobalType type;
    /** Made by Java, not exported by an instance: its API type may be wider than what it holds (see Instantiator). */
    final boolean host;

    public Global(GlobalType type, Value value) {
        Objects.requireNonNull(type, "type");
        this.inst = new GlobalInst(ApiTypes.model(type));
        this.type = type;
        this.host = true;
        inst.api = this;
        store(value == null ? Value.zero(type.valType()) : value);
    }

    Global(GlobalInst inst) {
        this.inst = inst;
        this.type = ApiTypes.api(inst.type);
        this.host = false;
        inst.api = this;
    }

    static Global of(GlobalInst inst) {
        return inst.api instanceof Global g ? g : new Global(inst);
    }

    @Override
    public GlobalType type() { return type; }

    public Value get() { return Marshalling.toValue(type.valType(), inst.bits, inst.hi, inst.ref); }

    /** Sets a mutable global. @throws IllegalStateException if the global is immutable */
    public void set(Value value) {
        if (!type.mutable()) throw new IllegalStateException("global is immutable");
        store(value);
    }

    private void store(Value value) {
        if (!Marshalling.matches(inst.type.type(), value)) {
            throw new IllegalArgumentException("value must be " + inst.type.type() + ", got " + value);
        }
        inst.bits = Marshalling.bits(value);
        inst.hi = Marshalling.hi(value);
        inst.ref = Marshalling.ref(value);
    }

    @Override
    public String toString() { return "Global[" + type + " = " + get() + "]"; }
}
