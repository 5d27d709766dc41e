package dev.gatun;

/** Base of every error the Gatun API throws; unchecked, like the JavaScript API's error classes. */
public abstract sealed class WebAssemblyException extends RuntimeException permits CompileError, LinkError, RuntimeError, WasmException {
    protected WebAssemblyException(String message, Throwable cause) {
        super(message, cause);
    }
}
