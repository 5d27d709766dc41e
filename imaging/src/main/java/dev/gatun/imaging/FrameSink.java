package dev.gatun.imaging;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Receives filtered frames in stream order, on one thread, as views of the linear memory they were filtered in. */
@FunctionalInterface
public interface FrameSink {
    /** Takes frame {@code index}; the view is reused for a later frame once this returns. */
    void write(long index, MemorySegment frame) throws IOException;

    /** Frames to a channel, written directly from linear memory. */
    static FrameSink of(WritableByteChannel channel) {
        return (index, frame) -> {
            ByteBuffer buf = frame.asByteBuffer();
            while (buf.hasRemaining()) channel.write(buf);
        };
    }

    /** Frames to a stream, through one reused buffer. */
    static FrameSink of(OutputStream out) {
        byte[] chunk = new byte[1 << 16];
        return (index, frame) -> {
            long size = frame.byteSize();
            for (long done = 0; done < size; ) {
                int n = (int) Math.min(chunk.length, size - done);
                MemorySegment.copy(frame, ValueLayout.JAVA_BYTE, done, chunk, 0, n);
                out.write(chunk, 0, n);
                done += n;
            }
        };
    }
}
