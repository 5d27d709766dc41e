package dev.gatun.imaging;

/**
 * A frame pipeline stopped because one frame could not be filtered: the filter trapped (then the cause is
 * the engine's {@link dev.gatun.RuntimeError}) or ran past its time limit. Frames before it were delivered
 * to the sink, in order; none after it were.
 */
public final class FrameFailedException extends ImagingException {
    private final long frame;

    public FrameFailedException(long frame, String message, Throwable cause) {
        super("frame " + frame + ": " + message, cause);
        this.frame = frame;
    }

    /** The failed frame's index, from 0 in the order the source produced it. */
    public long frame() { return frame; }
}
