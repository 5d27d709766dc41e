package dev.gatun.spark;

import dev.gatun.RuntimeError;

import java.util.ArrayList;
import java.util.List;

/**
 * A Wasm call made for Spark failed: it trapped, ran past its timeout, broke the memory convention, or
 * the module could not be loaded. Thrown inside a task, it fails that task (and Spark retries it up to
 * {@code spark.task.maxFailures}); the message carries the export, the trap message and the Wasm stack.
 * It holds only strings, so it survives the trip from executor to driver intact.
 */
public final class WasmUdfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String export;
    private final String trap;          // RuntimeError.Trap name, or null when not a trap
    private final List<String> wasmStack;

    WasmUdfException(String export, String message, String trap, List<String> wasmStack) {
        super(message);
        this.export = export;
        this.trap = trap;
        this.wasmStack = List.copyOf(wasmStack);
    }

    WasmUdfException(String export, String message) {
        this(export, message, null, List.of());
    }

    static WasmUdfException trapped(String export, RuntimeError e, boolean timedOut, Object timeout) {
        List<String> frames = new ArrayList<>();
        for (RuntimeError.Frame f : e.wasmStack()) frames.add(f.toString());
        String what = timedOut ? "timed out after " + timeout + " (" : "trapped: ";
        String msg = "wasm export '" + export + "' " + what + e.getMessage() + (timedOut ? ")" : "");
        return new WasmUdfException(export, msg, e.trap().name(), frames);
    }

    /** The export that was being called, or null when the failure came before any call. */
    public String export() { return export; }

    /** The trap's kind ({@code RuntimeError.Trap} name, e.g. {@code INTEGER_DIVIDE_BY_ZERO}), or null. */
    public String trap() { return trap; }

    /** The Wasm frames at the trap, innermost first. */
    public List<String> wasmStack() { return wasmStack; }
}
