package dev.gatun.conformance;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each spec command on a thread with a big, known stack and a time limit, so deep recursion is
 * deterministic and a hang or stack overflow becomes a failed command instead of a hung or dead build.
 */
final class Worker implements AutoCloseable {
    static final long STACK_BYTES = 64L << 20;

    /** The command did not finish in time; its thread was abandoned. */
    static final class Timeout extends Exception {
        Timeout(Duration limit) { super("timed out after " + limit.toSeconds() + " s"); }
    }

    private final Duration limit;
    private ExecutorService executor;
    private int generation;

    Worker(Duration limit) {
        this.limit = limit;
        this.executor = newExecutor();
    }

    private ExecutorService newExecutor() {
        int gen = ++generation;
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "gatun-spec-worker-" + gen, STACK_BYTES);
            t.setDaemon(true); // an abandoned runaway thread must not keep the JVM alive
            return t;
        });
    }

    /**
     * Runs {@code task}; returns its result or rethrows what it threw (Errors such as StackOverflowError included).
     * After a timeout the worker thread is abandoned and a fresh one serves later commands.
     */
    <T> T call(Callable<T> task) throws Throwable {
        Future<T> future = executor.submit(task);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            throw new Timeout(limit);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
