package dev.gatun.imaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wasm codecs against the same C built natively: decoded pixels and encoded bytes must be identical. */
class ImageCodecTest {
    private static Map<String, ImageCodec> codecs;

    @BeforeAll
    static void open() {
        codecs = Map.of("png", ImageCodec.png(), "jpg", ImageCodec.jpeg(), "qoi", ImageCodec.qoi());
    }

    @AfterAll
    static void close() { codecs.values().forEach(ImageCodec::close); }

    private static ImageCodec codec(String ext) { return codecs.get(ext); }

    @ParameterizedTest
    @ValueSource(strings = {"mandelbrot.png", "alpha.png", "testsrc.jpg", "mandelbrot.qoi"})
    void decodesLikeTheNativeBuild(String image) {
        RgbaImage got = codec(image.substring(image.lastIndexOf('.') + 1)).decode(Fixtures.image(image));
        assertNull(Fixtures.firstDifference(Fixtures.expectedPixels(image + ".pam"), got));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "mandelbrot.png, png", "alpha.png, png", "testsrc.jpg, png",
        "mandelbrot.png, qoi", "alpha.png, qoi", "testsrc.jpg, qoi",
        "mandelbrot.png, q90.jpg", "alpha.png, q90.jpg", "testsrc.jpg, q90.jpg"})
    void encodesTheSameBytesAsTheNativeBuild(String source, String as) {
        RgbaImage pixels = Fixtures.expectedPixels(source + ".pam");
        String ext = as.substring(as.lastIndexOf('.') + 1);
        byte[] encoded = codec(ext).encode(pixels, 90);
        assertArrayEquals(Fixtures.expected(source + "." + as), encoded);
        RgbaImage back = codec(ext).decode(encoded);
        if (ext.equals("jpg")) {
            // Lossy: the round trip must match the native decode of the native encode.
            assertNull(Fixtures.firstDifference(Fixtures.expectedPixels(source + "." + as + ".pam"), back));
        } else {
            assertNull(Fixtures.firstDifference(pixels, back), "lossless round trip");
        }
    }

    @Test
    void encodesRowsWithPadding() {
        RgbaImage img = Fixtures.expectedPixels("alpha.png.pam");
        int stride = img.stride() + 12;
        byte[] padded = new byte[stride * img.height()];
        for (int y = 0; y < img.height(); y++) System.arraycopy(img.pixels(), y * img.stride(), padded, y * stride, img.stride());
        byte[] encoded = codec("qoi").encode(java.lang.foreign.MemorySegment.ofArray(padded), img.width(), img.height(), stride, 0);
        assertArrayEquals(Fixtures.expected("alpha.png.qoi"), encoded);
    }

    @Test
    void aMemoryCapTurnsAHugeImageIntoAnError() {
        // A valid QOI header claiming 12000x12000 pixels (576 MB of RGBA), then the end marker.
        byte[] qoi = new byte[14 + 8];
        byte[] head = {'q', 'o', 'i', 'f', 0, 0, 0x2E, (byte) 0xE0, 0, 0, 0x2E, (byte) 0xE0, 4, 0};
        System.arraycopy(head, 0, qoi, 0, head.length);
        qoi[qoi.length - 1] = 1;
        try (ImageCodec capped = ImageCodec.of(Bundled.QOI, dev.gatun.InstanceLimits.memoryPages(256))) { // 16 MiB
            ImagingException e = assertThrows(ImagingException.class, () -> capped.decode(qoi));
            assertTrue(e.getMessage().startsWith("QOI decode failed: "), e.getMessage());
            assertEquals(120, capped.decode(Fixtures.expected("alpha.png.qoi")).width()); // small images still fit
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "qoi"})
    void rejectsGarbageWithAReasonAndStaysUsable(String ext) {
        byte[] garbage = new byte[1000];
        for (int i = 0; i < garbage.length; i++) garbage[i] = (byte) (i * 37 + 11);
        ImagingException e = assertThrows(ImagingException.class, () -> codec(ext).decode(garbage));
        assertTrue(e.getMessage().contains("decode failed: "), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(Fixtures.expected("mandelbrot.png." + (ext.equals("jpg") ? "q90.jpg" : ext)), 300);
        // lodepng rejects a truncated file; stb_image and qoi.h fill in what is missing, as natively.
        RgbaImage partial = null;
        try {
            partial = codec(ext).decode(truncated);
        } catch (ImagingException expected) {
            assertTrue(expected.getMessage().contains("decode failed: "), expected.getMessage());
        }
        if (ext.equals("png")) assertNull(partial, "lodepng accepted a truncated PNG");
        else if (partial != null) assertEquals(160, partial.width());
        RgbaImage ok = codec(ext).decode(Fixtures.expected("alpha.png." + (ext.equals("jpg") ? "q90.jpg" : ext)));
        assertEquals(120, ok.width());
    }
}
