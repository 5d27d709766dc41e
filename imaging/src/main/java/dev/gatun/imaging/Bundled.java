package dev.gatun.imaging;

import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.WebAssembly;
import dev.gatun.WebAssemblyException;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wasm modules built from C that ship in this jar (see {@code imaging/build.sh}), each compiled once
 * per JVM: a {@link Module} is immutable and can be instantiated on any thread.
 */
public enum Bundled {
    /** lodepng: PNG decode (any PNG to RGBA8) and encode (RGBA8). */
    PNG("png.wasm"),
    /** stb_image and stb_image_write: JPEG decode (baseline, progressive) and baseline encode. */
    JPEG("jpeg.wasm"),
    /** The reference QOI codec. */
    QOI("qoi.wasm"),
    /** Filters: grayscale, sepia, invert, blur(radius) on RGBA; yuv_grayscale on yuv420p. */
    FILTERS("filters.wasm");

    private static final ConcurrentHashMap<Bundled, Module> COMPILED = new ConcurrentHashMap<>();
    private final String resource;

    Bundled(String resource) { this.resource = resource; }

    /**
     * The module, compiled on first use. Its tier is {@code -Dgatun.tier} when set, else {@link Tier#COMPILER}:
     * codecs and filters do their work in a few long calls, and a call that starts in the interpreter stays
     * there, so background tiering would leave the first images (and every one-shot conversion) interpreted.
     */
    public Module module() {
        return COMPILED.computeIfAbsent(this, b -> WebAssembly.compile(b.bytes(),
                System.getProperty("gatun.tier") != null ? Tier.fromProperty() : Tier.COMPILER));
    }

    /** The module's binary. */
    public byte[] bytes() {
        try (InputStream in = Bundled.class.getResourceAsStream(resource)) {
            if (in == null) throw new ImagingException("bundled module " + resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ImagingException("cannot read bundled module " + resource + ": " + e.getMessage(), e);
        } catch (WebAssemblyException e) {
            throw new ImagingException("bundled module " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
