/** Image and video pipelines on Gatun: pixels in linear memory, Wasm filters and codecs, a frame pipeline. */
module dev.gatun.imaging {
    requires transitive dev.gatun;
    requires dev.gatun.wasi;
    requires transitive java.desktop; // BufferedImage in the API
    exports dev.gatun.imaging;
}
