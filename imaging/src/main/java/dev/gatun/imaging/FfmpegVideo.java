package dev.gatun.imaging;

import dev.gatun.Module;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Video through the {@code ffmpeg} command: one ffmpeg decodes the input to raw RGBA frames on a pipe, the
 * frames go through a {@link FramePipeline}, and a second ffmpeg encodes them from a pipe into the output.
 * The input is a file, or {@code lavfi:SPEC} for one of ffmpeg's generated sources
 * ({@code lavfi:testsrc=size=640x360:rate=30:duration=10}).
 */
public final class FfmpegVideo {
    /** The input's frame size and rate, as ffprobe reports them. */
    public record Info(int width, int height, String rate) { }

    /** What {@link #filter} did. */
    public record Result(long frames, double seconds, double fps, Info info) { }

    private FfmpegVideo() { }

    /** Whether {@code ffmpeg} and {@code ffprobe} can be started (null), or why not. */
    public static String unavailable() {
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            try {
                Process p = new ProcessBuilder(tool, "-version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) return tool + " -version failed";
            } catch (IOException e) {
                return tool + " is not installed (Debian: apt-get install ffmpeg)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }

    private static List<String> inputArgs(String input) {
        return input.startsWith("lavfi:") ? List.of("-f", "lavfi", "-i", input.substring(6)) : List.of("-i", input);
    }

    public static Info probe(String input) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        cmd.addAll(inputArgs(input));
        cmd.addAll(List.of("-select_streams", "v:0", "-show_entries", "stream=width,height,r_frame_rate", "-of", "csv=p=0"));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new ImagingException("ffprobe cannot read " + input + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagingException("interrupted");
        }
        String[] f = out.lines().findFirst().orElse("").split(",");
        try {
            return new Info(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()), f[2].trim());
        } catch (RuntimeException e) {
            throw new ImagingException("unexpected ffprobe output for " + input + ": " + out);
        }
    }

    /** The raw frame layouts the pipes can carry. */
    public enum PixelFormat {
        /** 8-bit RGBA, what the bundled RGBA filters take. */
        RGBA("rgba"),
        /** Planar YUV 4:2:0, ffmpeg's usual decoded form: 1.5 bytes per pixel instead of 4. */
        YUV420P("yuv420p");

        final String ffmpegName;

        PixelFormat(String ffmpegName) { this.ffmpegName = ffmpegName; }

        FrameFormat frame(int width, int height) {
            return this == RGBA ? FrameFormat.rgba(width, height) : FrameFormat.yuv420p(width, height);
        }
    }

    /**
     * Filters {@code input} into {@code output} with the export {@code filter(ptr, w, h, stride, args...)} of
     * {@code module} on {@code threads} threads, frames as {@code pixels}. {@code outputArgs} go to the encoding
     * ffmpeg before the output name (empty: {@code -pix_fmt yuv420p}, which every player takes);
     * {@code progress}, if not null, gets a line about twice a second.
     */
    public static Result filter(String input, String output, Module module, String filter, int[] args, int threads,
                                PixelFormat pixels, List<String> outputArgs, PrintStream progress) throws IOException {
        Info info = probe(input);
        FrameFormat format = pixels.frame(info.width(), info.height());
        List<String> dec = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin"));
        dec.addAll(inputArgs(input));
        dec.addAll(List.of("-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", pixels.ffmpegName, "-"));
        List<String> enc = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", pixels.ffmpegName,
                "-s", info.width() + "x" + info.height(), "-r", info.rate(), "-i", "-"));
        enc.addAll(outputArgs.isEmpty() ? List.of("-pix_fmt", "yuv420p") : outputArgs);
        enc.add(output);

        try (FramePipeline pipeline = FramePipeline.builder(module, filter, format).threads(threads).args(args)
                .progress(progress == null ? null : new Ticker(progress, info)).build()) {
            Process decoder = new ProcessBuilder(dec).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Process encoder;
            try {
                encoder = new ProcessBuilder(enc).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                decoder.destroyForcibly();
                throw e;
            }
            boolean ok = false;
            try (InputStream frames = decoder.getInputStream();
                 OutputStream out = new BufferedOutputStream(encoder.getOutputStream(), 1 << 20)) {
                FramePipeline.Result r = pipeline.run(FrameSource.of(frames), FrameSink.of(out));
                out.flush();
                if (progress != null) progress.print("\n");
                ok = true;
                out.close();
                int d = decoder.waitFor(), e = encoder.waitFor();
                if (d != 0) throw new ImagingException("the decoding ffmpeg failed (exit " + d + ")");
                if (e != 0) throw new ImagingException("the encoding ffmpeg failed (exit " + e + ")");
                double secs = r.nanos() / 1e9;
                return new Result(r.frames(), secs, r.fps(), info);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImagingException("interrupted");
            } finally {
                if (!ok) {
                    decoder.destroyForcibly();
                    encoder.destroyForcibly();
                }
                try {
                    decoder.waitFor(5, TimeUnit.SECONDS);
                    encoder.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Frames done and frames per second, on one line rewritten in place, at most twice a second. */
    private static final class Ticker implements FramePipeline.Progress {
        private final PrintStream out;
        private final Info info;
        private long last;

        Ticker(PrintStream out, Info info) { this.out = out; this.info = info; }

        @Override
        public void update(long frames, long nanos) {
            if (nanos - last < 500_000_000L) return;
            last = nanos;
            out.printf(Locale.ROOT, "\r%d frames, %.1f fps (%dx%d)   ", frames, frames * 1e9 / nanos, info.width(), info.height());
            out.flush();
        }
    }
}
