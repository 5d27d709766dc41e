package dev.gatun.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Netpbm images without a codec: PAM (P7, RGB_ALPHA or RGB), PPM (P6) and PGM (P5) with 8-bit samples, read
 * to RGBA, and RGBA written as PAM. The native reference writes its expected pixels this way, and the
 * converter accepts them, so any tool that speaks netpbm can feed it.
 */
public final class Pam {
    private Pam() { }

    public static byte[] write(RgbaImage image) {
        String header = "P7\nWIDTH " + image.width() + "\nHEIGHT " + image.height()
                + "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length() + image.pixels().length);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(image.pixels());
        return out.toByteArray();
    }

    public static RgbaImage read(byte[] file) {
        Header h = new Header(file);
        String magic = h.token();
        int width, height, depth, maxval;
        switch (magic) {
            case "P7" -> {
                int w = -1, hh = -1, d = -1, m = -1;
                for (String key = h.token(); !key.equals("ENDHDR"); key = h.token()) {
                    switch (key) {
                        case "WIDTH" -> w = h.number();
                        case "HEIGHT" -> hh = h.number();
                        case "DEPTH" -> d = h.number();
                        case "MAXVAL" -> m = h.number();
                        case "TUPLTYPE" -> h.token();
                        default -> throw new ImagingException("PAM header: unknown field " + key);
                    }
                }
                width = w; height = hh; depth = d; maxval = m;
            }
            case "P6", "P5" -> {
                width = h.number();
                height = h.number();
                maxval = h.number();
                depth = magic.equals("P6") ? 3 : 1;
            }
            default -> throw new ImagingException("not a PAM/PPM/PGM file");
        }
        h.pos++; // the single whitespace byte before the samples
        if (width <= 0 || height <= 0 || maxval != 255 || (depth != 1 && depth != 3 && depth != 4)) {
            throw new ImagingException("unsupported netpbm image: " + width + "x" + height + ", depth " + depth + ", maxval " + maxval);
        }
        long need = (long) width * height * depth;
        if (file.length - h.pos < need) throw new ImagingException("netpbm image truncated: needs " + need + " sample bytes");
        RgbaImage img = RgbaImage.blank(width, height);
        byte[] p = img.pixels();
        int s = h.pos;
        for (int i = 0; i < p.length; i += 4, s += depth) {
            p[i] = file[s];
            p[i + 1] = file[depth == 1 ? s : s + 1];
            p[i + 2] = file[depth == 1 ? s : s + 2];
            p[i + 3] = depth == 4 ? file[s + 3] : (byte) 0xFF;
        }
        return img;
    }

    /** Whitespace-separated header tokens, '#' comments skipped. */
    private static final class Header {
        final byte[] b;
        int pos;

        Header(byte[] b) { this.b = b; }

        String token() {
            while (pos < b.length && (Character.isWhitespace(b[pos]) || b[pos] == '#')) {
                if (b[pos] == '#') while (pos < b.length && b[pos] != '\n') pos++;
                else pos++;
            }
            int start = pos;
            while (pos < b.length && !Character.isWhitespace(b[pos])) pos++;
            if (start == pos || pos - start > 32) throw new ImagingException("netpbm header is malformed");
            return new String(b, start, pos - start, StandardCharsets.US_ASCII);
        }

        int number() {
            String t = token();
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new ImagingException("netpbm header: '" + t + "' is not a number");
            }
        }
    }
}
