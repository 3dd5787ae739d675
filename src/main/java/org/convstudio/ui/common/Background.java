package org.convstudio.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The small shared executor for file I/O and other work that must stay off the FX thread.
 * Two daemon threads: the machine may have only two cores, and I/O is short.
 */
public final class Background {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "convstudio-io-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    };
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2, FACTORY);
    private static final java.util.concurrent.ScheduledExecutorService TICKER =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "convstudio-ticker");
                t.setDaemon(true);
                return t;
            });

    private Background() {
    }

    public static ExecutorService executor() {
        return EXECUTOR;
    }

    private static final ExecutorService SERIAL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "convstudio-writer");
        t.setDaemon(true);
        return t;
    });

    /**
     * One thread for writes whose order matters (saving, autosaving and deleting the recovery file of
     * a design): two quick saves land in the order they were asked for.
     */
    public static ExecutorService serial() {
        return SERIAL;
    }

    /** Runs {@code work} off the FX thread, then {@code onSuccess} or {@code onError} on the FX thread. */
    public static <T> Task<T> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        return submit(EXECUTOR, work, onSuccess, onError);
    }

    /** As {@link #submit(Callable, Consumer, Consumer)}, on the given executor. */
    public static <T> Task<T> submit(java.util.concurrent.Executor executor, Callable<T> work, Consumer<? super T> onSuccess,
                                     Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        executor.execute(task);
        return task;
    }

    /** Fire-and-forget work off the FX thread; failures go to the default uncaught-exception handler. */
    public static void run(Runnable work) {
        EXECUTOR.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                Thread t = Thread.currentThread();
                Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
                if (h != null) {
                    h.uncaughtException(t, e);
                } else {
                    throw e;
                }
            }
        });
    }

    /**
     * Runs {@code onFx} on the FX thread every {@code periodMillis}. Unlike a {@code Timeline}, which
     * keeps JavaFX pulsing 60 times a second for as long as it runs, this wakes the UI only when due.
     * Cancel the returned future to stop.
     */
    public static java.util.concurrent.ScheduledFuture<?> every(long periodMillis, Runnable onFx) {
        return TICKER.scheduleWithFixedDelay(() -> Platform.runLater(onFx), periodMillis, periodMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Runs on the FX thread: now if already there, else later. */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
