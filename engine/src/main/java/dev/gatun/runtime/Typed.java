package dev.gatun.runtime;

import dev.gatun.model.DefinedType;

/** A reference that carries its defined type for casts: function instances (structs and arrays hold theirs). */
public interface Typed {
    DefinedType deftype();
}
