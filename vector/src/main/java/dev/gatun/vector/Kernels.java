package dev.gatun.vector;

import java.util.List;

/** Where the kernel of a SIMD instruction is: the class of its lane shape, the method named after the instruction. */
public final class Kernels {
    private Kernels() {}

    /** Every class of kernels. */
    public static final List<Class<?>> CLASSES =
            List.of(V128.class, I8x16.class, I16x8.class, I32x4.class, I64x2.class, F32x4.class, F64x2.class, Relaxed.class);

    /**
     * The class holding the kernel named {@code kernel} (the instruction name with '.' as '_', such as
     * {@code i16x8_add}), or null when the name starts with no lane shape.
     */
    public static Class<?> owner(String kernel) {
        // The relaxed instructions share one class, which documents the choice each makes.
        if (kernel.contains("_relaxed_")) return Relaxed.class;
        int end = kernel.indexOf('_');
        return switch (end < 0 ? kernel : kernel.substring(0, end)) {
            case "v128" -> V128.class;
            case "i8x16" -> I8x16.class;
            case "i16x8" -> I16x8.class;
            case "i32x4" -> I32x4.class;
            case "i64x2" -> I64x2.class;
            case "f32x4" -> F32x4.class;
            case "f64x2" -> F64x2.class;
            default -> null;
        };
    }
}
