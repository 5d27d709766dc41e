package dev.gatun.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A workload: a module, an optional setup call that must return 1, the measured call, and an optional call
 * whose result checks the measured call's effect (an output hash) where its own result says nothing.
 *
 * @param source the C file behind the module (the native engine runs it), or null for a user's module
 * @param size   what the workload computes, as the report prints it
 */
record Workload(String name, byte[] module, String source, Step setup, Step op, Step check, String size) {
    /** A call: an export and its arguments as text (parsed by the export's parameter types). */
    record Step(String export, String... args) {}

    /** The built-in workloads, in report order; "wasm" is the user's module. */
    static final List<String> BUILT_IN = List.of("fib", "sieve", "matmul", "coremark", "pixels",
            "grayscale", "blur", "blend", "grayscale-scalar", "blur-scalar", "blend-scalar");

    /** Input sizes per profile: the quick one keeps the slowest engine (an interpreter) under a second a call. */
    record Profile(int fib, int sieve, int matmul, int coremark, int pixelsMiB, int frameMiB) {
        static Profile named(String name) {
            return switch (name) {
                case "quick" -> new Profile(25, 250_000, 96, 10, 4, 4);
                case "full" -> new Profile(27, 1_000_000, 128, 20, 64, 16);
                default -> throw new IllegalArgumentException("unknown profile " + name + " (quick, full)");
            };
        }
    }

    static Workload named(String name, String profile, String wasmPath, String export, String args) {
        Profile p = Profile.named(profile);
        return switch (name) {
            case "fib" -> exec(name, new Step("fib", str(p.fib)), "fib(" + p.fib + ")");
            case "sieve" -> exec(name, new Step("sieve", str(p.sieve)), "sieve(" + p.sieve + ")");
            case "matmul" -> exec(name, new Step("matmul", str(p.matmul)), "matmul(" + p.matmul + ")");
            case "coremark" -> exec(name, new Step("coremark", str(p.coremark)), "coremark(" + p.coremark + ")");
            case "pixels" -> new Workload(name, resource("/exec/kernels.wasm"), "exec/kernels.c",
                    new Step("pixels_setup", str(p.pixelsMiB)), new Step("pixels_run", "300"), null,
                    "one pass over " + p.pixelsMiB + " MiB");
            case "grayscale", "blur", "blend", "grayscale-scalar", "blur-scalar", "blend-scalar" -> image(name, p.frameMiB);
            case "wasm" -> user(wasmPath, export, args);
            default -> throw new IllegalArgumentException("unknown workload " + name + "; known: " + BUILT_IN + ", wasm");
        };
    }

    private static Workload exec(String name, Step op, String size) {
        return new Workload(name, resource("/exec/kernels.wasm"), "exec/kernels.c", null, op, null, size);
    }

    /** The image kernels of simd/image.c on frames of {@code mib} MiB, from the SIMD build unless "-scalar". */
    private static Workload image(String name, int mib) {
        boolean scalar = name.endsWith("-scalar");
        String kernel = scalar ? name.substring(0, name.length() - "-scalar".length()) : name;
        int bytes = mib << 20, side = (int) Math.sqrt(bytes);
        Step op = switch (kernel) {
            case "grayscale" -> new Step("grayscale", str(bytes / 4));
            case "blur" -> new Step("box_blur", str(side), str(side));
            default -> new Step("alpha_blend", str(bytes), "77");
        };
        int hashed = kernel.equals("grayscale") ? bytes / 4 : bytes;
        String frame = kernel.equals("blur") ? side + "x" + side + " gray" : mib + " MiB";
        return new Workload(name, resource(scalar ? "/simd/image-scalar.wasm" : "/simd/image-simd.wasm"),
                "simd/image.c", new Step("frames_setup", str(bytes)), op, new Step("output_hash", str(hashed)),
                (scalar ? "scalar build, " : "SIMD build, ") + frame + " frame");
    }

    private static Workload user(String path, String export, String args) {
        if (path.isEmpty() || export.isEmpty()) {
            throw new IllegalArgumentException("workload wasm needs -p wasm=PATH -p export=NAME [-p args='A B ...']");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] list = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        String label = Path.of(path).getFileName() + " " + export + "(" + String.join(", ", list) + ")";
        return new Workload("wasm", bytes, null, null, new Step(export, list), null, label);
    }

    private static String str(int v) { return Integer.toString(v); }

    private static byte[] resource(String name) {
        try (InputStream in = Workload.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
