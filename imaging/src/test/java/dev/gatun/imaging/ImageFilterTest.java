package dev.gatun.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled wasm filters against the same C built natively, and the BufferedImage bridge. */
class ImageFilterTest {
    @ParameterizedTest
    @CsvSource({"grayscale, 0, grayscale", "sepia, 0, sepia", "invert, 0, invert", "blur, 3, blur3"})
    void filtersLikeTheNativeBuild(String filter, int arg, String expected) {
        RgbaImage img = Fixtures.expectedPixels("mandelbrot.png.pam");
        try (ImageFilter f = ImageFilter.bundled()) {
            if (filter.equals("blur")) f.apply(filter, img, arg);
            else f.apply(filter, img);
        }
        assertNull(Fixtures.firstDifference(Fixtures.expectedPixels("mandelbrot." + expected + ".pam"), img));
    }

    @Test
    void aMissingFilterOrAWrongSignatureIsAnImagingError() {
        RgbaImage img = RgbaImage.blank(4, 4);
        try (ImageFilter f = ImageFilter.bundled()) {
            ImagingException missing = assertThrows(ImagingException.class, () -> f.apply("sharpen", img));
            assertTrue(missing.getMessage().contains("exports no function 'sharpen'"), missing.getMessage());
            ImagingException arity = assertThrows(ImagingException.class, () -> f.apply("blur", img));
            assertTrue(arity.getMessage().contains("expected 4 i32 parameter(s)"), arity.getMessage());
            f.apply("invert", img); // still usable
            assertEquals((byte) 255, img.pixels()[0]);
        }
    }

    @Test
    void bufferedImagesShareTheArrayBothWays() {
        RgbaImage img = Fixtures.expectedPixels("alpha.png.pam");
        BufferedImage bi = img.toBufferedImage();
        assertSame(img.pixels(), RgbaImage.of(bi).pixels(), "no copy for an image in the RGBA layout");
        int argb = bi.getRGB(37, 21);
        int i = (21 * img.width() + 37) * 4;
        byte[] p = img.pixels();
        assertEquals((p[i + 3] & 0xFF) << 24 | (p[i] & 0xFF) << 16 | (p[i + 1] & 0xFF) << 8 | (p[i + 2] & 0xFF), argb);
        // Other layouts are converted: the same pixels from TYPE_INT_ARGB and TYPE_4BYTE_ABGR.
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage other = new BufferedImage(img.width(), img.height(), type);
            for (int y = 0; y < img.height(); y++) {
                for (int x = 0; x < img.width(); x++) other.setRGB(x, y, bi.getRGB(x, y));
            }
            assertNull(Fixtures.firstDifference(img, RgbaImage.of(other)), "type " + type);
        }
    }
}
