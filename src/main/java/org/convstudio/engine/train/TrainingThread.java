package org.convstudio.engine.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one thread a session's DJL objects live on. Work is queued in order; {@link #end()} lets queued work
 * finish and waits until the thread is gone.
 */
final class TrainingThread {

    private volatile Thread thread;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, TrainingSession.WORKER_THREAD);
        t.setDaemon(true);
        thread = t;
        return t;
    });

    <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    Future<?> submit(java.util.concurrent.Callable<?> work) {
        return executor.submit(work);
    }

    /** Runs {@code work} after what is queued and waits for it (at most a minute); failures are ignored. */
    void runAndWait(Runnable work) {
        try {
            executor.submit(work).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // ending anyway
        }
    }

    /** Lets queued work finish, then ends the thread and waits until it has ended. */
    void end() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(60, TimeUnit.SECONDS)) {
                Thread t = thread;
                if (t != null && t != Thread.currentThread()) {
                    t.join(10_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
