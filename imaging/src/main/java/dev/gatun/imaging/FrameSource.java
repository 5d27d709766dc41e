package dev.gatun.imaging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Produces the frames of a stream, one after the other on one thread, straight into the linear memory of
 * the instance that will filter it.
 */
@FunctionalInterface
public interface FrameSource {
    /**
     * Fills {@code frame} (exactly one frame's bytes, in a worker's linear memory) with frame {@code index}.
     *
     * @return false at the end of the stream (the frame is then ignored)
     */
    boolean read(long index, MemorySegment frame) throws IOException;

    /**
     * Frames from a channel, read directly into linear memory (no copy on the Java side). A stream that ends
     * inside a frame is an error.
     */
    static FrameSource of(ReadableByteChannel channel) {
        return (index, frame) -> {
            ByteBuffer buf = frame.asByteBuffer();
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    if (buf.position() == 0) return false;
                    throw new EOFException("the stream ended inside frame " + index + " (" + buf.position() + " of " + buf.capacity() + " bytes)");
                }
            }
            return true;
        };
    }

    /** Frames from a stream, through one reused buffer (an InputStream cannot read into off-heap memory). */
    static FrameSource of(InputStream in) {
        byte[] chunk = new byte[1 << 16];
        return (index, frame) -> {
            long size = frame.byteSize(), done = 0;
            while (done < size) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, size - done));
                if (n < 0) {
                    if (done == 0) return false;
                    throw new EOFException("the stream ended inside frame " + index + " (" + done + " of " + size + " bytes)");
                }
                MemorySegment.copy(chunk, 0, frame, ValueLayout.JAVA_BYTE, done, n);
                done += n;
            }
            return true;
        };
    }
}
