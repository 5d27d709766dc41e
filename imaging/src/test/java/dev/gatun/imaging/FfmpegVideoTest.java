package dev.gatun.imaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** ffmpeg -> pipe -> frame pipeline (wasm filter, 2 threads) -> pipe -> ffmpeg, on a generated clip. */
class FfmpegVideoTest {
    private static final String CLIP = "lavfi:testsrc=size=96x64:rate=25:duration=2"; // 50 frames

    @BeforeAll
    static void needFfmpeg() {
        String why = FfmpegVideo.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why + "; imaging/filter-video installs it");
    }

    private static byte[] ffmpegRaw(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "ffmpeg " + cmd);
        return out;
    }

    @Test
    void everyFrameIsFilteredInOrder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("inverted.rgba");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        FfmpegVideo.Result r = FfmpegVideo.filter(CLIP, out.toString(), Bundled.FILTERS.module(), "invert", new int[0], 2,
                FfmpegVideo.PixelFormat.RGBA, List.of("-f", "rawvideo", "-pix_fmt", "rgba"), new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertEquals(50, r.frames());
        assertEquals(96, r.info().width());
        assertTrue(r.fps() > 0);
        // The same clip decoded without the pipeline and inverted here must be what reached the encoder.
        byte[] want = ffmpegRaw("-f", "lavfi", "-i", CLIP.substring(6), "-f", "rawvideo", "-pix_fmt", "rgba", "-");
        assertEquals(50L * 96 * 64 * 4, want.length);
        for (int i = 0; i < want.length; i++) if (i % 4 != 3) want[i] = (byte) ~want[i];
        assertArrayEquals(want, Files.readAllBytes(out));
    }

    @Test
    void yuvFramesTravelAsPlanes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gray.yuv");
        FfmpegVideo.Result r = FfmpegVideo.filter(CLIP, out.toString(), Bundled.FILTERS.module(), "yuv_grayscale", new int[0], 2,
                FfmpegVideo.PixelFormat.YUV420P, List.of("-f", "rawvideo", "-pix_fmt", "yuv420p"), null);
        assertEquals(50, r.frames());
        byte[] want = ffmpegRaw("-f", "lavfi", "-i", CLIP.substring(6), "-f", "rawvideo", "-pix_fmt", "yuv420p", "-");
        int luma = 96 * 64, frame = luma * 3 / 2;
        assertEquals(50L * frame, want.length);
        for (int f = 0; f < 50; f++) java.util.Arrays.fill(want, f * frame + luma, (f + 1) * frame, (byte) 128);
        assertArrayEquals(want, Files.readAllBytes(out));
    }

    @Test
    void encodesAPlayableFileThroughTheCommand(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sepia.mp4");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"video", CLIP, out.toString(), "--filter", "blur:2", "--threads", "2", "--progress"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        String report = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains(": 50 frames of 96x64 in ") && report.contains(" fps (blur on 2 threads)"), report);
        byte[] back = ffmpegRaw("-i", out.toString(), "-f", "rawvideo", "-pix_fmt", "rgba", "-");
        assertEquals(50L * 96 * 64 * 4, back.length, "frames in the encoded file");
    }
}
