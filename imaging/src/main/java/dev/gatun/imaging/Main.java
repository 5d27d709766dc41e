package dev.gatun.imaging;

import dev.gatun.Module;
import dev.gatun.WebAssembly;
import dev.gatun.WebAssemblyException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The converter behind {@code imaging/convert-image} and {@code imaging/filter-video}. Errors are one line on
 * stderr: exit 1 when the work failed, 2 for bad usage or unreadable input.
 */
public final class Main {
    private static final String USAGE = """
            usage: convert IN OUT [--quality 1..100] [--filter NAME[:ARG]] [--module FILTERS.wasm]
                     IN, OUT: .png .jpg/.jpeg .qoi (wasm codecs), .pam .ppm .pgm (read), .pam (write)
                   video IN OUT [--filter NAME[:ARG]] [--module FILTERS.wasm] [--threads N] [--progress|--no-progress]
                         [--pix-fmt rgba|yuv420p] [-- FFMPEG OUTPUT ARGS...]
                     IN: a video file, or lavfi:SPEC (e.g. lavfi:testsrc=size=640x360:rate=30:duration=10)
            filters (bundled): grayscale, sepia, invert, blur:RADIUS (RGBA); yuv_grayscale (yuv420p)""";

    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                out.println(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            Options o = Options.parse(args);
            return switch (o.command) {
                case "convert" -> convert(o, out);
                case "video" -> video(o, out, err);
                default -> throw new Usage("unknown command " + o.command);
            };
        } catch (Usage e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (ImagingException | WebAssemblyException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            err.println("error: " + e); // a bug, but still one line and no stack trace
            return 1;
        }
    }

    private static int convert(Options o, PrintStream out) throws IOException {
        for (String name : List.of(o.in, o.out)) {
            String n = name.toLowerCase(Locale.ROOT);
            boolean known = n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".qoi")
                    || n.endsWith(".pam") || (name == o.in && isNetpbm(name));
            if (!known) throw new Usage("no codec for " + name + " (use .png, .jpg, .qoi, or .pam)");
        }
        byte[] in = Files.readAllBytes(Path.of(o.in));
        long t0 = System.nanoTime();
        RgbaImage img;
        if (isNetpbm(o.in)) {
            img = Pam.read(in);
        } else {
            try (ImageCodec c = codecFor(o.in)) {
                img = c.decode(in);
            }
        }
        long t1 = System.nanoTime();
        if (o.filter != null) {
            try (ImageFilter f = o.module == null ? ImageFilter.bundled() : ImageFilter.load(module(o.module), dev.gatun.InstanceLimits.NONE)) {
                f.apply(o.filter, img, o.filterArgs);
            }
        }
        long t2 = System.nanoTime();
        byte[] encoded;
        if (o.out.toLowerCase(Locale.ROOT).endsWith(".pam")) {
            encoded = Pam.write(img);
        } else {
            try (ImageCodec c = codecFor(o.out)) {
                encoded = c.encode(img, o.quality);
            }
        }
        long t3 = System.nanoTime();
        Files.write(Path.of(o.out), encoded);
        out.printf(Locale.ROOT, "%s -> %s: %dx%d, %d -> %d bytes (decode %.1f ms%s, encode %.1f ms)%n", o.in, o.out,
                img.width(), img.height(), in.length, encoded.length, (t1 - t0) / 1e6,
                o.filter == null ? "" : String.format(Locale.ROOT, ", %s %.1f ms", o.filter, (t2 - t1) / 1e6), (t3 - t2) / 1e6);
        return 0;
    }

    private static int video(Options o, PrintStream out, PrintStream err) throws IOException {
        String why = FfmpegVideo.unavailable();
        if (why != null) throw new ImagingException(why);
        Module m = o.module == null ? Bundled.FILTERS.module() : module(o.module);
        boolean tty = System.console() != null && System.console().isTerminal();
        boolean progress = o.progress != null ? o.progress : tty;
        FfmpegVideo.Result r = FfmpegVideo.filter(o.in, o.out, m, o.filter == null ? "invert" : o.filter, o.filterArgs,
                o.threads, o.pixels, o.ffmpegArgs, progress ? err : null);
        out.printf(Locale.ROOT, "%s -> %s: %d frames of %dx%d in %.2f s, %.1f fps (%s on %d thread%s)%n", o.in, o.out,
                r.frames(), r.info().width(), r.info().height(), r.seconds(), r.fps(), o.filter == null ? "invert" : o.filter,
                o.threads, o.threads == 1 ? "" : "s");
        return 0;
    }

    private static boolean isNetpbm(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".pam") || n.endsWith(".ppm") || n.endsWith(".pgm");
    }

    private static ImageCodec codecFor(String name) {
        ImageCodec c = ImageCodec.forFileName(name);
        if (c == null) throw new Usage("no codec for " + name + " (use .png, .jpg, .qoi, or .pam)");
        return c;
    }

    private static Module module(String path) throws IOException {
        return WebAssembly.compile(Files.readAllBytes(Path.of(path)), dev.gatun.Tier.COMPILER);
    }

    private static final class Usage extends RuntimeException {
        Usage(String message) { super(message); }
    }

    private static final class Options {
        String command, in, out, filter, module;
        int[] filterArgs = new int[0];
        int quality = 90;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Boolean progress;
        FfmpegVideo.PixelFormat pixels = FfmpegVideo.PixelFormat.RGBA;
        List<String> ffmpegArgs = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            o.command = args[0];
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quality" -> o.quality = number(a, value(args, ++i, a), 1, 100);
                    case "--threads" -> o.threads = number(a, value(args, ++i, a), 1, 256);
                    case "--module" -> o.module = value(args, ++i, a);
                    case "--progress" -> o.progress = true;
                    case "--pix-fmt" -> o.pixels = switch (value(args, ++i, a)) {
                        case "rgba" -> FfmpegVideo.PixelFormat.RGBA;
                        case "yuv420p" -> FfmpegVideo.PixelFormat.YUV420P;
                        default -> throw new Usage("--pix-fmt must be rgba or yuv420p");
                    };
                    case "--no-progress" -> o.progress = false;
                    case "--filter" -> {
                        String f = value(args, ++i, a);
                        int colon = f.indexOf(':');
                        o.filter = colon < 0 ? f : f.substring(0, colon);
                        if (colon >= 0) o.filterArgs = new int[] {number(a, f.substring(colon + 1), 0, 1 << 20)};
                    }
                    case "--" -> {
                        o.ffmpegArgs.addAll(List.of(args).subList(i + 1, args.length));
                        i = args.length;
                    }
                    default -> {
                        if (a.startsWith("--")) throw new Usage("unknown option " + a);
                        positional.add(a);
                    }
                }
            }
            if (positional.size() != 2) throw new Usage(o.command + " takes IN and OUT");
            o.in = positional.get(0);
            o.out = positional.get(1);
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new Usage(option + " needs a value");
            return args[i];
        }

        private static int number(String option, String s, int min, int max) {
            try {
                int v = Integer.parseInt(s);
                if (v < min || v > max) throw new Usage(option + " must be " + min + ".." + max + ", not " + v);
                return v;
            } catch (NumberFormatException e) {
                throw new Usage(option + ": not a number: " + s);
            }
        }
    }
}
