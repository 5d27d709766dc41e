package dev.gatun.bench.imaging;

import dev.gatun.imaging.ImageCodec;
import dev.gatun.imaging.RgbaImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmarks' picture: a PNG bench/imaging/run makes with ffmpeg (-Dgatun.bench.image to use another). */
final class Picture {
    static final String DEFAULT = "bench/target/imaging/picture.png";

    private Picture() { }

    static RgbaImage load() {
        Path p = Path.of(System.getProperty("gatun.bench.image", DEFAULT)).toAbsolutePath();
        try (ImageCodec png = ImageCodec.png()) {
            return png.decode(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(p + " is missing (bench/imaging/run makes it)", e);
        }
    }
}
