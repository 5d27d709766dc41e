package dev.gatun.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled test images and the native reference's expected outputs (written by imaging/build.sh). */
final class Fixtures {
    private Fixtures() { }

    static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path + " (run imaging/build.sh)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] image(String name) { return bytes("images/" + name); }

    static byte[] expected(String name) { return bytes("expected/" + name); }

    static RgbaImage expectedPixels(String name) { return Pam.read(expected(name)); }

    /** The first differing pixel, for a readable failure instead of a 200 KB array dump. */
    static String firstDifference(RgbaImage want, RgbaImage got) {
        if (want.width() != got.width() || want.height() != got.height()) {
            return "size " + got.width() + "x" + got.height() + ", expected " + want.width() + "x" + want.height();
        }
        byte[] a = want.pixels(), b = got.pixels();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                int px = i / 4;
                return "pixel (" + px % want.width() + "," + px / want.width() + ") channel " + i % 4 + ": "
                        + (b[i] & 0xFF) + ", expected " + (a[i] & 0xFF);
            }
        }
        return null;
    }
}
