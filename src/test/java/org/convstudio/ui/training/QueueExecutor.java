package org.convstudio.ui.training;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.convstudio.ui.common.TaskExecutor;

/**
 * A {@link TaskExecutor} for view-model tests without the JavaFX toolkit: the test thread plays the UI
 * thread. Background work runs at once on the calling thread; everything meant for the UI thread waits
 * in a queue that the test drains with {@link #runUntil}.
 */
final class QueueExecutor implements TaskExecutor {

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        try {
            T result = work.call();
            ui.add(() -> onSuccess.accept(result));
        } catch (Exception e) {
            ui.add(() -> onError.accept(e));
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        ui.add(action);
    }

    /** Runs what is queued for the UI thread. */
    void runPending() {
        for (Runnable r; (r = ui.poll()) != null; ) {
            r.run();
        }
    }

    /** Runs UI work as it arrives until {@code done} holds; fails after {@code seconds}. */
    void runUntil(BooleanSupplier done, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        runPending();
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

    /** What {@link TrainingViewModel#continueRun} answers, once the UI work it queues has run. */
    String continueRun(TrainingViewModel vm, RunCatalog.RunInfo info, int moreEpochs) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<String> answer = new java.util.concurrent.atomic.AtomicReference<>();
        vm.continueRun(info, moreEpochs, answer::set);
        runUntil(() -> answer.get() != null, 10);
        return answer.get();
    }
}
