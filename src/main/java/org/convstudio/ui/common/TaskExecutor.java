package org.convstudio.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where a view-model runs its work: off the UI thread for anything slow, and back on the UI thread
 * for the results. View-models receive one (JabRef style) instead of calling JavaFX directly, so they
 * are unit-tested without the toolkit: the app passes {@link #javaFx()}, tests a queue they drain
 * themselves.
 */
public interface TaskExecutor {

    /** Runs {@code work} off the UI thread, then {@code onSuccess} or {@code onError} on the UI thread. */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);

    /** Runs {@code action} on the UI thread, later. Safe from any thread. */
    void runOnUi(Runnable action);

    /** {@link #runOnUi} as an {@link Executor}. */
    default Executor uiThread() {
        return this::runOnUi;
    }

    /** The app's: work on the {@link Background} pool, results on the FX thread. */
    static TaskExecutor javaFx() {
        return FxTaskExecutor.INSTANCE;
    }
}
