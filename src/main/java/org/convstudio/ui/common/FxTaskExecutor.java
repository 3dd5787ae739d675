package org.convstudio.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.application.Platform;

/** The app's {@link TaskExecutor}: the {@link Background} pool and the FX thread. */
final class FxTaskExecutor implements TaskExecutor {

    static final FxTaskExecutor INSTANCE = new FxTaskExecutor();

    private FxTaskExecutor() {
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        Background.submit(work, onSuccess, onError);
    }

    @Override
    public void runOnUi(Runnable action) {
        Platform.runLater(action);
    }
}
