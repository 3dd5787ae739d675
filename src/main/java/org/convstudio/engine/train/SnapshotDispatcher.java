package org.convstudio.engine.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers snapshots to listeners on its own daemon thread so the training loop never waits for a
 * listener. Progress snapshots are coalesced (only the newest pending one is delivered); events
 * (epoch ends, state changes) are queued and all delivered, in order.
 */
final class SnapshotDispatcher implements AutoCloseable {

    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    /** The name of the delivery thread. */
    static final String THREAD_NAME = "convstudio-train-events";

    private volatile Thread thread;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        thread = t;
        return t;
    });
    private final AtomicReference<TrainingSnapshot> pendingProgress = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    void add(TrainingListener listener) {
        listeners.add(listener);
    }

    void remove(TrainingListener listener) {
        listeners.remove(listener);
    }

    void progress(TrainingSnapshot snapshot) {
        pendingProgress.set(snapshot);
        if (drainScheduled.compareAndSet(false, true)) {
            submit(() -> {
                drainScheduled.set(false);
                TrainingSnapshot s = pendingProgress.getAndSet(null);
                if (s != null) {
                    for (TrainingListener l : listeners) {
                        safely(() -> l.onProgress(s));
                    }
                }
            });
        }
    }

    void epochEnd(TrainingSnapshot snapshot, EpochRecord record, int[] predicted) {
        pendingProgress.set(null);
        submit(() -> {
            for (TrainingListener l : listeners) {
                safely(() -> l.onEpochEnd(snapshot, record));
                if (predicted != null) {
                    safely(() -> l.onValidationPredictions(record, predicted));
                }
            }
        });
    }

    void stateChanged(TrainingSnapshot snapshot) {
        pendingProgress.set(null);
        submit(() -> {
            for (TrainingListener l : listeners) {
                safely(() -> l.onStateChanged(snapshot));
            }
        });
    }

    private void submit(Runnable r) {
        try {
            executor.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the session is closed: nobody is listening any more
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.getLogger(SnapshotDispatcher.class.getName())
                    .log(System.Logger.Level.WARNING, "training listener failed", e);
        }
    }

    /** Delivers what is queued, then stops the thread and waits until it has ended. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(5, TimeUnit.SECONDS)) {
                Thread t = thread;
                if (t != null && t != Thread.currentThread()) {
                    t.join(5_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
