package dev.gatun.runtime;

import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.StructType;
import dev.gatun.model.ValType;

/**
 * Where a struct type's fields live in a {@link GcStruct}: {@code slot[i] >= 0} is field i's index in
 * {@code bits} (a v128 takes that slot and the next), {@code ~slot[i]} its index in {@code refs}.
 */
public record GcLayout(DefinedType type, int[] slot, int bits, int refs) {
    public static GcLayout of(DefinedType t) {
        StructType s = (StructType) t.composite();
        int[] slot = new int[s.fields().size()];
        int nb = 0, nr = 0;
        for (int i = 0; i < slot.length; i++) {
            FieldType f = s.fields().get(i);
            if (f.type().isReference()) slot[i] = ~nr++;
            else {
                slot[i] = nb;
                nb += f.type().kind() == ValType.V128 ? 2 : 1;
            }
        }
        return new GcLayout(t, slot, nb, nr);
    }

    /** A struct of this type with every field zero or null ({@code struct.new_default}). */
    public GcStruct allocate() {
        return new GcStruct(type, bits == 0 ? GcOps.NO_BITS : new long[bits], refs == 0 ? GcOps.NO_REFS : new Object[refs]);
    }
}
