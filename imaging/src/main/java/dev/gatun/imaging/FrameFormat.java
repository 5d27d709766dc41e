package dev.gatun.imaging;

/**
 * The layout of every frame in a stream: {@code width x height} pixels, rows {@code stride} bytes apart,
 * {@code frameBytes} bytes per frame in all. A filter gets {@code (ptr, width, height, stride, ...)}; what a
 * pixel is (RGBA, or a YUV plane layout the filter knows) is between the producer and the filter.
 */
public record FrameFormat(int width, int height, int stride, long frameBytes) {
    public FrameFormat {
        if (width <= 0 || height <= 0 || stride <= 0 || frameBytes <= 0) {
            throw new ImagingException("frame layout must be positive: " + width + "x" + height + ", stride " + stride + ", " + frameBytes + " bytes");
        }
        if (frameBytes < (long) stride * (height - 1) + 1 || frameBytes > 0x7FFF_FFFFL) {
            throw new ImagingException("a " + width + "x" + height + " frame with stride " + stride + " cannot be " + frameBytes + " bytes");
        }
    }

    /** Packed 8-bit RGBA. */
    public static FrameFormat rgba(int width, int height) {
        return new FrameFormat(width, height, width * 4, (long) width * height * 4);
    }

    /** Planar YUV 4:2:0 (ffmpeg's yuv420p): a full-size Y plane then quarter-size U and V; stride is Y's. */
    public static FrameFormat yuv420p(int width, int height) {
        long chroma = (long) ((width + 1) / 2) * ((height + 1) / 2);
        return new FrameFormat(width, height, width, (long) width * height + 2 * chroma);
    }
}
