package dev.gatun.model;

/** An array type ({@code arraytype}): its element's field type. */
public record ArrayType(FieldType element) implements CompositeType {
    @Override
    public String toString() { return "(array " + element + ")"; }
}
