package dev.gatun;

import java.util.List;
import java.util.Objects;

/** The type of an exception tag ({@code tagtype}): the types of the values an exception with the tag carries. */
public record TagType(List<ValType> params) implements ExternType {
    public TagType {
        params = List.copyOf(Objects.requireNonNull(params, "params"));
    }

    public static TagType of(ValType... params) { return new TagType(List.of(params)); }

    @Override
    public ExternKind kind() { return ExternKind.TAG; }

    @Override
    public String toString() { return "tag " + params; }
}
