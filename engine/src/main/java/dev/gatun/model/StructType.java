package dev.gatun.model;

import java.util.List;

/** A struct type ({@code structtype}): its fields in order. */
public record StructType(List<FieldType> fields) implements CompositeType {
    public StructType {
        fields = List.copyOf(fields);
    }

    @Override
    public String toString() { return "(struct " + fields + ")"; }
}
