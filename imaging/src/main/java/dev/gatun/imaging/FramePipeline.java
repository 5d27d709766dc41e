package dev.gatun.imaging;

import dev.gatun.Function;
import dev.gatun.InstanceLimits;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Value;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Filters a stream of frames on N threads, each with its own instance of one compiled module, and delivers
 * them in order.
 *
 * <p>Frame {@code i} goes to worker {@code i % N}. Each worker owns {@code slots} frame buffers inside its
 * linear memory: the source reads a frame straight into a free buffer, the worker calls
 * {@code filter(ptr, width, height, stride, args...)} on it in place, and the sink takes it from there, so no
 * frame is copied on the Java side. A source that is faster than the filters blocks on a free buffer
 * (back-pressure: at most {@code N * slots} frames in flight); since every worker sees its frames in stream
 * order, the sink receives them in order.
 *
 * <p>If the filter traps on a frame (or exceeds the {@linkplain Builder#frameTimeout time limit}),
 * {@link #run} delivers the frames before it and throws a {@link FrameFailedException} naming it. The
 * pipeline can be run again afterwards; it is not thread-safe itself (one {@code run} at a time).
 */
public final class FramePipeline implements AutoCloseable {
    /** Told after every delivered frame, on the sink's thread. */
    @FunctionalInterface
    public interface Progress {
        void update(long framesDone, long nanosElapsed);
    }

    /** What a run did. */
    public record Result(long frames, long nanos) {
        public double fps() { return nanos == 0 ? 0 : frames * 1e9 / nanos; }
    }

    private static final long POLL_MS = 20;
    private static final Job END = new Job(-1, -1, false);

    private record Job(long index, int slot, boolean failed) { }

    private final FrameFormat format;
    private final List<Worker> workers;
    private final Progress progress;

    private FramePipeline(Builder b) {
        this.format = b.format;
        this.progress = b.progress;
        List<Worker> ws = new ArrayList<>();
        try {
            for (int i = 0; i < b.threads; i++) ws.add(new Worker(i, b));
        } catch (RuntimeException e) {
            ws.forEach(Worker::close);
            throw e;
        }
        this.workers = List.copyOf(ws);
    }

    /** A pipeline that calls the export {@code filter} of {@code module} on frames laid out as {@code format}. */
    public static Builder builder(Module module, String filter, FrameFormat format) {
        return new Builder(module, filter, format);
    }

    public FrameFormat format() { return format; }

    public int threads() { return workers.size(); }

    /**
     * Runs the whole stream: reads frames from {@code source} on the calling thread until it ends, and returns
     * once every frame has been filtered and written to {@code sink}.
     *
     * @throws FrameFailedException if a frame failed (the frames before it were written)
     * @throws IOException          as thrown by the source or the sink
     */
    public Result run(FrameSource source, FrameSink sink) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        for (Worker w : workers) w.reset(); // a previous run may have stopped early, or left its END markers
        Run run = new Run(sink);
        long start = System.nanoTime();
        run.start();
        long produced = 0;
        try {
            while (!run.stopped) {
                Worker w = workers.get((int) (produced % workers.size()));
                Integer slot = poll(w.free, run);
                if (slot == null) break;
                boolean more;
                try {
                    more = source.read(produced, w.frames[slot]);
                } catch (IOException | RuntimeException e) {
                    w.free.add(slot);
                    run.fail(e);
                    break;
                }
                if (!more) {
                    w.free.add(slot);
                    break;
                }
                w.todo.add(new Job(produced++, slot, false));
            }
        } finally {
            for (Worker w : workers) w.todo.add(END);
            run.join();
        }
        Throwable f = run.failure;
        if (f == null) return new Result(run.written, System.nanoTime() - start);
        switch (f) {
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new ImagingException(f.toString(), f);
        }
    }

    private static <T> T poll(BlockingQueue<T> q, Run run) {
        try {
            T t;
            while ((t = q.poll(POLL_MS, TimeUnit.MILLISECONDS)) == null) {
                if (run.stopped) return null;
            }
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail(new ImagingException("interrupted"));
            return null;
        }
    }

    /** The threads of one run: the workers and the sink's writer. */
    private final class Run {
        final FrameSink sink;
        final List<Thread> threads = new ArrayList<>();
        volatile boolean stopped;
        volatile Throwable failure;
        /** Frames from this index on are not filtered: the lowest failed frame, or 0 once the source or sink failed. */
        volatile long cutoff = Long.MAX_VALUE;
        long written;

        Run(FrameSink sink) { this.sink = sink; }

        /** Records a failure; of several failed frames, the first in stream order is the one reported. */
        synchronized void fail(Throwable t) {
            long at = t instanceof FrameFailedException f ? f.frame() : 0;
            if (failure == null || (at < cutoff && t instanceof FrameFailedException)) failure = t;
            cutoff = Math.min(cutoff, at);
            stopped = true;
        }

        void start() {
            long t0 = System.nanoTime();
            for (Worker w : workers) threads.add(thread("gatun-frame-worker-" + w.id, () -> w.work(this)));
            threads.add(thread("gatun-frame-writer", () -> write(t0)));
            threads.forEach(Thread::start);
        }

        private Thread thread(String name, Runnable body) {
            // Deep Wasm call stacks need more than the default 1 MiB (the tests and the launcher use 16 MiB too).
            return Thread.ofPlatform().name(name).daemon().stackSize(16L << 20).unstarted(body);
        }

        private void write(long t0) {
            for (long i = 0; ; i++) {
                Worker w = workers.get((int) (i % workers.size()));
                Job job;
                try {
                    job = w.done.take(); // every job reaches done, END included: this never waits forever
                } catch (InterruptedException e) {
                    fail(new ImagingException("interrupted"));
                    return;
                }
                if (job == END || job.failed) return;
                try {
                    sink.write(job.index, w.frames[job.slot]);
                } catch (IOException | RuntimeException | Error e) {
                    fail(e); // stops the source, which would otherwise wait for a free buffer forever
                    return;
                } finally {
                    w.free.add(job.slot);
                }
                written = i + 1;
                if (progress != null) progress.update(written, System.nanoTime() - t0);
            }
        }

        void join() {
            boolean interrupted = false;
            for (Thread t : threads) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** One instance, its frame buffers and the queues between it and the source and sink. */
    private final class Worker implements AutoCloseable {
        final int id;
        final Guest guest;
        final Function filter;
        final MemorySegment[] frames;
        final Value[][] args;
        final BlockingQueue<Integer> free;
        final BlockingQueue<Job> todo;
        final BlockingQueue<Job> done;

        Worker(int id, Builder b) {
            this.id = id;
            this.guest = new Guest(b.module, b.limits);
            try {
                guest.timeout(null);
                filter = guest.i32Function(b.filter, 4 + b.args.length, 0);
                int[] ptrs = new int[b.slots];
                for (int s = 0; s < b.slots; s++) ptrs[s] = guest.alloc(b.format.frameBytes());
                frames = new MemorySegment[b.slots];
                args = new Value[b.slots][];
                for (int s = 0; s < b.slots; s++) {
                    frames[s] = guest.view(ptrs[s], b.format.frameBytes()); // after all allocations: see Guest.view
                    Value[] a = new Value[4 + b.args.length];
                    a[0] = Value.i32(ptrs[s]);
                    a[1] = Value.i32(b.format.width());
                    a[2] = Value.i32(b.format.height());
                    a[3] = Value.i32(b.format.stride());
                    for (int k = 0; k < b.args.length; k++) a[4 + k] = Value.i32(b.args[k]);
                    args[s] = a;
                }
            } catch (RuntimeException e) {
                guest.close();
                throw e;
            }
            free = new ArrayBlockingQueue<>(b.slots);
            for (int s = 0; s < b.slots; s++) free.add(s);
            todo = new ArrayBlockingQueue<>(b.slots + 1);
            done = new ArrayBlockingQueue<>(b.slots + 1);
            timeout = b.frameTimeout;
        }

        private final Duration timeout;

        void reset() {
            todo.clear();
            done.clear();
            free.clear();
            for (int s = 0; s < frames.length; s++) free.add(s);
        }

        void work(Run run) {
            boolean failed = false;
            while (true) {
                Job job;
                try {
                    job = todo.take(); // the source always ends with END
                } catch (InterruptedException e) {
                    run.fail(new ImagingException("interrupted"));
                    job = END;
                }
                if (job == END) {
                    done.add(END);
                    return;
                }
                if (!failed && job.index < run.cutoff) {
                    try {
                        guest.timeout(timeout);
                        guest.call("filter", filter, args[job.slot]);
                    } catch (RuntimeException | Error e) {
                        // Anything, so the job always reaches the writer: a lost job would hang the run.
                        Throwable cause = e instanceof ImagingException && e.getCause() instanceof RuntimeError r ? r : e;
                        run.fail(new FrameFailedException(job.index, describe(cause), cause));
                        failed = true;
                    }
                } else {
                    failed = true; // past the failure: pass the frame on unfiltered, marked, so the writer stops
                }
                done.add(failed ? new Job(job.index, job.slot, true) : job);
            }
        }

        private String describe(Throwable t) {
            if (t instanceof RuntimeError r) return "the filter trapped (" + r.getMessage() + ")";
            if (t instanceof StackOverflowError) return "the filter exhausted the stack";
            return t instanceof ImagingException ? t.getMessage() : t.toString();
        }

        @Override
        public void close() { guest.close(); }
    }

    @Override
    public void close() { workers.forEach(Worker::close); }

    /** Options of a pipeline. */
    public static final class Builder {
        private final Module module;
        private final String filter;
        private final FrameFormat format;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int slots = 2;
        private int[] args = new int[0];
        private InstanceLimits limits = InstanceLimits.NONE;
        private Duration frameTimeout;
        private Progress progress;

        private Builder(Module module, String filter, FrameFormat format) {
            this.module = Objects.requireNonNull(module, "module");
            this.filter = Objects.requireNonNull(filter, "filter");
            this.format = Objects.requireNonNull(format, "format");
        }

        /** Worker threads, one instance each (default: the number of processors). */
        public Builder threads(int n) {
            if (n < 1 || n > 256) throw new ImagingException("threads must be 1..256, not " + n);
            threads = n;
            return this;
        }

        /** Frame buffers per worker (default 2: one being filtered while the next is read or written). */
        public Builder slots(int n) {
            if (n < 1 || n > 64) throw new ImagingException("slots must be 1..64, not " + n);
            slots = n;
            return this;
        }

        /** Extra i32 arguments after {@code (ptr, width, height, stride)}. */
        public Builder args(int... args) {
            this.args = args.clone();
            return this;
        }

        /** Caps each instance's memory (untrusted filters). */
        public Builder limits(InstanceLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** A frame whose filter call runs longer than this fails (the call is stopped with a trap). */
        public Builder frameTimeout(Duration timeout) {
            this.frameTimeout = timeout;
            return this;
        }

        public Builder progress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /** Instantiates the workers and allocates their frame buffers. */
        public FramePipeline build() { return new FramePipeline(this); }
    }

}
