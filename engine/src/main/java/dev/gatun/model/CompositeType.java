package dev.gatun.model;

/** The body of a type definition ({@code comptype}): a function, struct or array type. */
public sealed interface CompositeType permits FunctionType, StructType, ArrayType {}
