package dev.gatun;

import dev.gatun.runtime.TagInst;

import java.util.List;
import java.util.Objects;

/**
 * An exception tag, as the JS API's {@code WebAssembly.Tag}: what a Wasm {@code catch} matches an exception
 * by. Tags compare by identity: each instantiation makes new tags for the ones its module defines, an
 * imported tag is the object that was passed in, and a tag made here can be imported by any module whose
 * tag type it has (then Java and Wasm throw and catch the same exceptions: see {@link WasmException}).
 */
public final class Tag implements Extern {
    final TagInst inst;
    private final TagType type;

    /** A new tag whose exceptions carry values of these types. */
    public Tag(TagType type) {
        this(new TagInst(dev.gatun.model.DefinedType.of(ApiTypes.model(FunctionType.of(Objects.requireNonNull(type, "type").params(), List.of())))));
    }

    public static Tag of(ValType... params) { return new Tag(TagType.of(params)); }

    private Tag(TagInst inst) {
        this.inst = inst;
        this.type = ApiTypes.tag(inst.type);
        inst.api = this;
    }

    /** The public object of an engine tag (the same one every time). */
    static Tag of(TagInst inst) {
        return inst.api instanceof Tag t ? t : new Tag(inst);
    }

    @Override
    public TagType type() { return type; }

    @Override
    public String toString() { return "Tag" + type.params(); }
}
