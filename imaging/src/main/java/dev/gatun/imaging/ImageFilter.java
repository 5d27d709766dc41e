package dev.gatun.imaging;

import dev.gatun.Function;
import dev.gatun.InstanceLimits;
import dev.gatun.Module;
import dev.gatun.Value;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * Wasm filters on single images, on one instance: {@code NAME(ptr, width, height, stride, args...)}, in place.
 * {@link #apply} copies the image into linear memory and back; {@link #buffer} hands out a frame buffer inside
 * linear memory to fill and read directly, for callers that can produce pixels there ({@link FramePipeline}
 * does this for streams). Not thread-safe.
 */
public final class ImageFilter implements AutoCloseable {
    private final Guest guest;
    private final Map<String, Function> functions = new HashMap<>();
    private int buffer;
    private long bufferSize;

    private ImageFilter(Module module, InstanceLimits limits) { this.guest = new Guest(module, limits); }

    /** The bundled filters: grayscale, sepia, invert, blur(radius). */
    public static ImageFilter bundled() { return new ImageFilter(Bundled.FILTERS.module(), InstanceLimits.NONE); }

    /** Filters from any module that exports {@code memory}, {@code alloc} and {@code dealloc}. */
    public static ImageFilter load(Module module, InstanceLimits limits) { return new ImageFilter(module, limits); }

    /** Runs filter {@code name} over {@code image}, in place. */
    public void apply(String name, RgbaImage image, int... args) {
        MemorySegment frame = buffer(image.pixels().length);
        MemorySegment.copy(image.segment(), 0, frame, 0, frame.byteSize());
        applyInPlace(name, image.width(), image.height(), image.stride(), args);
        MemorySegment.copy(guest.view(buffer, frame.byteSize()), 0, image.segment(), 0, frame.byteSize());
    }

    /**
     * A buffer of {@code size} bytes in linear memory, reused by later calls (and by {@link #apply}): fill it,
     * call {@link #applyInPlace}, read it. The view stays valid until the next call to this method.
     */
    public MemorySegment buffer(long size) {
        if (size > bufferSize) {
            guest.free(buffer);
            buffer = 0;
            bufferSize = 0;
            buffer = guest.alloc(size);
            bufferSize = size;
        }
        return guest.view(buffer, size);
    }

    /** Runs filter {@code name} over the image in {@link #buffer}. */
    public void applyInPlace(String name, int width, int height, int stride, int... args) {
        if (buffer == 0 || width <= 0 || height <= 0 || stride < 4L * width || (long) stride * height > bufferSize) {
            throw new ImagingException("the image (" + width + "x" + height + ", stride " + stride + ") does not fit the "
                    + bufferSize + "-byte buffer");
        }
        Function f = functions.computeIfAbsent(name + "/" + args.length, k -> guest.i32Function(name, 4 + args.length, 0));
        Value[] a = new Value[4 + args.length];
        a[0] = Value.i32(buffer);
        a[1] = Value.i32(width);
        a[2] = Value.i32(height);
        a[3] = Value.i32(stride);
        for (int i = 0; i < args.length; i++) a[4 + i] = Value.i32(args[i]);
        guest.call("filter " + name, f, a);
    }

    @Override
    public void close() { guest.close(); }
}
