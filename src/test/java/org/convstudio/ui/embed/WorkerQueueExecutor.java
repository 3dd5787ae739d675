package org.convstudio.ui.embed;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The QueueExecutor pattern of the training tests, with one difference: background work runs on its own thread
 * (so a second request can start while the first is still computing). The test thread plays the UI thread and
 * drains what is meant for it with {@link #runUntil}; {@link #results()} records what every task returned.
 */
final class WorkerQueueExecutor implements TaskExecutor {

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final List<Object> results = new CopyOnWriteArrayList<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        Thread t = new Thread(() -> {
            try {
                T result = work.call();
                results.add(result == null ? "null" : result);
                ui.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                results.add(e);
                ui.add(() -> onError.accept(e));
            }
        }, "embed-test-worker");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void runOnUi(Runnable action) {
        ui.add(action);
    }

    /** What the finished tasks returned ("null" for null), in order of completion. */
    List<Object> results() {
        return results;
    }

    /** Runs UI work as it arrives until {@code done} holds; fails after {@code seconds}. */
    void runUntil(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Runnable r; (r = ui.poll()) != null; ) {
            r.run();
        }
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not reached within " + seconds + " s");
            }
            Runnable r = ui.poll(left, TimeUnit.NANOSECONDS);
            if (r != null) {
                r.run();
            }
        }
    }
}
