package dev.gatun.imaging;

import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit RGBA image on the Java heap: rows of {@code 4 * width} bytes, R, G, B, A per pixel (not
 * premultiplied), the layout every imaging module reads and writes. The array is shared, not copied:
 * {@link #toBufferedImage()}, {@link #segment()} and {@link #buffer()} are views of it, and
 * {@link #of(BufferedImage)} wraps the raster of an image in this layout without copying.
 */
public record RgbaImage(int width, int height, byte[] pixels) {
    /** sRGB with a straight (not premultiplied) alpha, bytes R, G, B, A: the BufferedImage form of this layout. */
    public static final ColorModel COLOR_MODEL = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    private static final int[] BAND_OFFSETS = {0, 1, 2, 3};

    public RgbaImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) throw new ImagingException("image size must be positive: " + width + "x" + height);
        if ((long) width * height * 4 != pixels.length) {
            throw new ImagingException(width + "x" + height + " RGBA needs " + (long) width * height * 4
                    + " bytes, not " + pixels.length);
        }
    }

    /** A transparent black image. */
    public static RgbaImage blank(int width, int height) {
        long n = (long) width * height * 4;
        if (width <= 0 || height <= 0 || n > Integer.MAX_VALUE - 8) {
            throw new ImagingException("image size out of range: " + width + "x" + height);
        }
        return new RgbaImage(width, height, new byte[(int) n]);
    }

    /** Bytes per row. */
    public int stride() { return width * 4; }

    /** A zero-copy view of the pixels. */
    public MemorySegment segment() { return MemorySegment.ofArray(pixels); }

    /** A zero-copy view of the pixels. */
    public ByteBuffer buffer() { return ByteBuffer.wrap(pixels); }

    /** A BufferedImage over the same array: drawing on it changes this image, and back. */
    public BufferedImage toBufferedImage() {
        DataBufferByte data = new DataBufferByte(pixels, pixels.length);
        WritableRaster raster = Raster.createInterleavedRaster(data, width, height, stride(), 4, BAND_OFFSETS, new Point());
        return new BufferedImage(COLOR_MODEL, raster, false, null);
    }

    /**
     * The pixels of {@code image} in this layout: the image's own array when it already is one (an image from
     * {@link #toBufferedImage()}, or any byte raster interleaved R, G, B, A without padding), else a
     * converted copy (a direct swizzle for the common {@code TYPE_4BYTE_ABGR}, {@code TYPE_INT_ARGB} and
     * {@code TYPE_INT_RGB}, Java2D's colour conversion for the rest).
     */
    public static RgbaImage of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        WritableRaster raster = image.getRaster();
        DataBuffer db = raster.getDataBuffer();
        if (db instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 4 && sm.getScanlineStride() == 4 * w
                && Arrays.equals(sm.getBandOffsets(), BAND_OFFSETS)
                && image.getColorModel().equals(COLOR_MODEL) && !image.isAlphaPremultiplied()
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && bytes.getOffset() == 0 && bytes.getData().length == 4 * w * h) {
            return new RgbaImage(w, h, bytes.getData());
        }
        RgbaImage out = blank(w, h);
        byte[] p = out.pixels;
        switch (image.getType()) {
            case BufferedImage.TYPE_4BYTE_ABGR -> {
                if (db instanceof DataBufferByte bytes && raster.getParent() == null) {
                    byte[] s = bytes.getData();
                    for (int i = 0; i < p.length; i += 4) {
                        p[i] = s[i + 3];
                        p[i + 1] = s[i + 2];
                        p[i + 2] = s[i + 1];
                        p[i + 3] = s[i];
                    }
                    return out;
                }
            }
            case BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB -> {
                if (db instanceof DataBufferInt ints && raster.getParent() == null) {
                    int[] s = ints.getData();
                    boolean opaque = image.getType() == BufferedImage.TYPE_INT_RGB;
                    for (int i = 0, j = 0; j < w * h; i += 4, j++) {
                        int argb = s[j];
                        p[i] = (byte) (argb >> 16);
                        p[i + 1] = (byte) (argb >> 8);
                        p[i + 2] = (byte) argb;
                        p[i + 3] = opaque ? (byte) 0xFF : (byte) (argb >>> 24);
                    }
                    return out;
                }
            }
            default -> { }
        }
        // Anything else (indexed, gray, 16-bit, premultiplied, sub-images): let Java2D convert, row by row.
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0, i = y * w * 4; x < w; x++, i += 4) {
                int argb = row[x];
                p[i] = (byte) (argb >> 16);
                p[i + 1] = (byte) (argb >> 8);
                p[i + 2] = (byte) argb;
                p[i + 3] = (byte) (argb >>> 24);
            }
        }
        return out;
    }
}
