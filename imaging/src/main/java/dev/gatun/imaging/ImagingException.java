package dev.gatun.imaging;

/**
 * What this package throws when a module, an image or a frame cannot be processed: a module that does not
 * follow the convention, a codec that rejects its input, a trap (then {@link #getCause()} is the engine's
 * {@link dev.gatun.RuntimeError}). Subclass {@link FrameFailedException} names the frame of a pipeline.
 */
public class ImagingException extends RuntimeException {
    public ImagingException(String message) { super(message); }

    public ImagingException(String message, Throwable cause) { super(message, cause); }
}
