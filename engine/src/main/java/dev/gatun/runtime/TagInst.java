package dev.gatun.runtime;

import dev.gatun.model.DefinedType;
import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;

/**
 * An exception tag instance. Identity is what {@code catch} compares: each instantiation makes new tags
 * for the ones a module defines, and an imported tag is the exporter's object.
 */
public final class TagInst {
    /** The public wrapper, once one exists (so a tag exported twice is one object). */
    public Object api;
    /** The payload's types are the parameters; a tag has no results. */
    public final FunctionType type;
    /** The canonical type: an imported tag must have exactly the type the import names. */
    public final DefinedType deftype;
    /** Registers the payload takes (a v128 takes two), as the interpreter lays values out. */
    public final int slots;

    public TagInst(DefinedType deftype) {
        this.deftype = deftype;
        this.type = deftype.func();
        int n = 0;
        for (var t : type.params()) n += t == ValType.V128 ? 2 : 1;
        this.slots = n;
    }
}
