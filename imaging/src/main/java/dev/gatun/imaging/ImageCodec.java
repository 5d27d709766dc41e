package dev.gatun.imaging;

import dev.gatun.Function;
import dev.gatun.InstanceLimits;
import dev.gatun.Module;
import dev.gatun.Value;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * An image codec compiled to wasm, on its own instance. The module follows the convention of
 * {@code imaging/src/main/c/gatun_image.h}: it exports {@code memory}, {@code alloc}, {@code dealloc},
 * {@code decode(in, len) -> result*}, {@code encode(rgba, width, height, stride, quality) -> result*} and
 * {@code error() -> char*}, where a result is {@code {u32 data, u32 size, u32 width, u32 height}}.
 *
 * <p>Each call copies the input into linear memory once and the output out once; {@link #decode(MemorySegment,
 * PixelsVisitor)} hands out the decoded pixels in place instead. Not thread-safe: use one codec per thread
 * (they share the compiled module). Bad input makes the codec fail with an {@link ImagingException}, and a
 * trap in the codec does too (the instance stays usable).
 */
public final class ImageCodec implements AutoCloseable {
    private final String name;
    private final Guest guest;
    private final Function decode;
    private final Function encode;
    private final Function error;

    private ImageCodec(String name, Module module, InstanceLimits limits) {
        this.name = name;
        this.guest = new Guest(module, limits);
        try {
            decode = guest.i32Function("decode", 2, 1);
            encode = guest.i32Function("encode", 5, 1);
            error = guest.i32Function("error", 0, 1);
        } catch (ImagingException e) {
            guest.close();
            throw e;
        }
    }

    /** A codec from any module that follows the convention; {@code limits} cap its memory (untrusted input). */
    public static ImageCodec load(String name, Module module, InstanceLimits limits) {
        return new ImageCodec(name, module, limits);
    }

    /**
     * A bundled codec whose memory is capped by {@code limits}: for untrusted files, since an image header can
     * ask for gigabytes of pixels (the decoder then fails with "out of memory" instead of taking them).
     */
    public static ImageCodec of(Bundled codec, InstanceLimits limits) {
        if (codec == Bundled.FILTERS) throw new ImagingException("FILTERS is not a codec");
        return new ImageCodec(codec.name(), codec.module(), limits);
    }

    public static ImageCodec png() { return new ImageCodec("PNG", Bundled.PNG.module(), InstanceLimits.NONE); }

    public static ImageCodec jpeg() { return new ImageCodec("JPEG", Bundled.JPEG.module(), InstanceLimits.NONE); }

    public static ImageCodec qoi() { return new ImageCodec("QOI", Bundled.QOI.module(), InstanceLimits.NONE); }

    /** The bundled codec for a file name's extension (png, jpg/jpeg, qoi), or null. */
    public static ImageCodec forFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) return png();
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return jpeg();
        if (n.endsWith(".qoi")) return qoi();
        return null;
    }

    public String name() { return name; }

    /** Receives decoded pixels where the codec wrote them; the view is valid only during the call. */
    @FunctionalInterface
    public interface PixelsVisitor<T> {
        T visit(int width, int height, int stride, MemorySegment rgba);
    }

    /** Decodes {@code encoded} into a new heap image. */
    public RgbaImage decode(byte[] encoded) {
        return decode(MemorySegment.ofArray(encoded), (w, h, stride, px) -> {
            RgbaImage img = RgbaImage.blank(w, h);
            MemorySegment.copy(px, 0, img.segment(), 0, px.byteSize());
            return img;
        });
    }

    /** Decodes {@code encoded} (heap or off-heap) and shows the pixels to {@code visitor} without copying them out. */
    public <T> T decode(MemorySegment encoded, PixelsVisitor<T> visitor) {
        long len = encoded.byteSize();
        int in = guest.alloc(len);
        int data = 0;
        try {
            MemorySegment.copy(encoded, 0, guest.view(in, len), 0, len);
            int r = run(decode, "decode", Value.i32(in), Value.i32((int) len));
            data = guest.readI32(r);
            int size = guest.readI32(r + 4), w = guest.readI32(r + 8), h = guest.readI32(r + 12);
            if (w <= 0 || h <= 0 || (long) w * h * 4 != Integer.toUnsignedLong(size)) {
                throw new ImagingException(name + " decoder returned an inconsistent image (" + w + "x" + h + ", " + size + " bytes)");
            }
            return visitor.visit(w, h, w * 4, guest.view(data, Integer.toUnsignedLong(size)));
        } finally {
            guest.free(data);
            guest.free(in);
        }
    }

    /** Encodes {@code image}; {@code quality} 1..100 matters to lossy codecs only (0: the codec's default). */
    public byte[] encode(RgbaImage image, int quality) {
        return encode(image.segment(), image.width(), image.height(), image.stride(), quality);
    }

    /** Encodes RGBA pixels laid out with {@code stride} bytes per row, from heap or off-heap memory. */
    public byte[] encode(MemorySegment rgba, int width, int height, int stride, int quality) {
        if (width <= 0 || height <= 0 || stride < 4L * width) {
            throw new ImagingException("bad image layout: " + width + "x" + height + ", stride " + stride);
        }
        long len = (long) stride * (height - 1) + 4L * width;
        if (rgba.byteSize() < len) throw new ImagingException("the pixels need " + len + " bytes, not " + rgba.byteSize());
        int in = guest.alloc(len);
        int data = 0;
        try {
            MemorySegment.copy(rgba, 0, guest.view(in, len), 0, len);
            int r = run(encode, "encode", Value.i32(in), Value.i32(width), Value.i32(height), Value.i32(stride), Value.i32(quality));
            data = guest.readI32(r);
            long size = Integer.toUnsignedLong(guest.readI32(r + 4));
            return guest.view(data, size).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            guest.free(data);
            guest.free(in);
        }
    }

    private int run(Function f, String what, Value... args) {
        int r = guest.call(name + " " + what, f, args);
        if (r == 0) throw new ImagingException(name + " " + what + " failed: " + errorText());
        return r;
    }

    private String errorText() {
        try {
            int p = guest.call("error", error);
            if (p == 0) return "no reason given";
            MemorySegment s = guest.view(p, Math.min(256, guest.memory().byteSize() - Integer.toUnsignedLong(p)));
            StringBuilder b = new StringBuilder();
            for (long i = 0; i < s.byteSize() && s.get(ValueLayout.JAVA_BYTE, i) != 0; i++) {
                b.append((char) (s.get(ValueLayout.JAVA_BYTE, i) & 0xFF));
            }
            return b.isEmpty() ? "no reason given" : b.toString();
        } catch (RuntimeException e) {
            return "no reason given";
        }
    }

    @Override
    public void close() { guest.close(); }
}
