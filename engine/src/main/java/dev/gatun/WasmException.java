package dev.gatun;

import dev.gatun.runtime.Exn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Wasm exception, as the JS API's {@code WebAssembly.Exception}: a {@link Tag} and the values it carries.
 * Wasm code's {@code throw} that no Wasm handler catches reaches Java as one; a host function that throws
 * one throws into Wasm, where {@code catch} of its tag (or {@code catch_all}) catches it. Rethrown, it
 * stays the same exception both ways. Traps are {@link RuntimeError}s and never Wasm exceptions.
 */
public final class WasmException extends WebAssemblyException {
    private static final long serialVersionUID = 1L;

    private final transient Exn exn;
    private final transient Tag tag;

    /** An exception with this tag and payload (of the tag's parameter types), to throw from a host function. */
    public WasmException(Tag tag, Value... payload) {
        this(tag, payload(tag, payload));
    }

    private WasmException(Tag tag, Exn exn) {
        super("Wasm exception " + tag, exn);
        this.tag = tag;
        this.exn = exn;
        exn.api = this;
    }

    private static Exn payload(Tag tag, Value[] payload) {
        Objects.requireNonNull(tag, "tag");
        List<ValType> ps = tag.type().params();
        if (payload == null) payload = new Value[0];
        if (payload.length != ps.size())
            throw new IllegalArgumentException("tag " + ps + " carries " + ps.size() + " values, got " + payload.length);
        int slots = tag.inst.slots;
        long[] bits = new long[slots];
        Object[] refs = new Object[slots];
        for (int i = 0, s = 0; i < payload.length; i++) {
            if (!Marshalling.matches(ps.get(i), payload[i]))
                throw new IllegalArgumentException("value " + i + " must be " + ps.get(i) + ", got " + payload[i]);
            bits[s] = Marshalling.bits(payload[i]);
            refs[s] = Marshalling.ref(payload[i]);
            if (ps.get(i) == ValType.V128) bits[++s] = Marshalling.hi(payload[i]);
            s++;
        }
        return new Exn(tag.inst, bits, refs);
    }

    /** The public form of an exception leaving Wasm (the same object each time it does). */
    static WasmException of(Exn x) {
        return x.api instanceof WasmException w ? w : new WasmException(Tag.of(x.tag), x);
    }

    public Tag tag() { return tag; }

    /** The engine's exception, to throw into Wasm. */
    Exn exn() { return exn; }

    /** Whether this exception has this tag (JS {@code Exception.prototype.is}). */
    public boolean is(Tag t) { return tag == t; }

    /** Payload value i; the tag must be this exception's (JS {@code Exception.prototype.getArg}). */
    public Value getArg(Tag t, int i) {
        if (!is(t)) throw new IllegalArgumentException("the exception's tag is not " + t);
        List<Value> vs = values();
        if (i < 0 || i >= vs.size()) throw new IndexOutOfBoundsException("payload index " + i + " of " + vs.size());
        return vs.get(i);
    }

    /** The payload, in order. */
    public List<Value> values() {
        List<ValType> ps = tag.type().params();
        List<Value> out = new ArrayList<>(ps.size());
        for (int i = 0, s = 0; i < ps.size(); i++) {
            ValType t = ps.get(i);
            out.add(Marshalling.toValue(t, exn.bits[s], t == ValType.V128 ? exn.bits[s + 1] : 0, exn.refs[s]));
            s += t == ValType.V128 ? 2 : 1;
        }
        return out;
    }
}
