package dev.gatun.runtime;

import dev.gatun.model.GlobalType;

/** A global's storage: numeric values as raw bits, references as objects. Shared when imported. */
public final class GlobalInst {
    /** The public wrapper, once one exists (so an exported import is the same object). */
    public Object api;
    public final GlobalType type;
    public long bits;
    /** High half of a v128 global (bits is the low half). */
    public long hi;
    public Object ref;

    public GlobalInst(GlobalType type) { this.type = type; }
}
