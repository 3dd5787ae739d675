package org.convstudio.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import org.convstudio.ui.shell.ConvStudioApp;
import org.convstudio.ui.shell.DesktopCheck;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real application for GUI tests, with throw-away preferences and data folder. */
public final class GuiTestSupport {

    private GuiTestSupport() {
    }

    /** Isolates preferences and the data folder from the user's real ones. Call before starting the app. */
    public static Path isolate() throws IOException {
        System.setProperty("convstudio.prefs", "org/convstudio-test");
        Path home = Files.createTempDirectory("convstudio-test-home");
        System.setProperty("convstudio.home", home.toString());
        try {
            Preferences.userRoot().node("org/convstudio-test").removeNode();
        } catch (Exception ignored) {
            // not there yet
        }
        return home;
    }

    public static ConvStudioApp start() throws TimeoutException {
        return start(new String[0]);
    }

    /** Starts the app with program arguments (as the launcher passes them, e.g. a design file to open). */
    public static ConvStudioApp start(String... args) throws TimeoutException {
        requireDesktop();
        FxToolkit.registerPrimaryStage();
        ConvStudioApp app = (ConvStudioApp) FxToolkit.setupApplication(ConvStudioApp.class, args);
        // the Design workspace is built after the window's first frame
        waitUntil(() -> fx(() -> app.window().currentWorkspace()) != null, 30);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /**
     * Fails at once, naming the missing library, when JavaFX cannot start here (no display, no GTK 3):
     * otherwise TestFX would wait forever on a toolkit that never comes up.
     */
    public static void requireDesktop() {
        DesktopCheck.problem().ifPresent(problem -> {
            throw new AssertionError("GUI tests cannot run on this machine: " + problem);
        });
    }

    /** Starts the app in a 1440×900 window on the preset {@code presetId} (the Classroom tests' starting point). */
    public static ConvStudioApp startOn(String presetId) throws Exception {
        ConvStudioApp app = start();
        fx(() -> {
            app.stage().setWidth(1440);
            app.stage().setHeight(900);
            app.window().design().loadPreset(presetId);
        });
        return app;
    }

    /** Stops the Train workspace's run if one is active, waits until it has ended, then closes the app. */
    public static void stopRunAndApp(ConvStudioApp app, int seconds) throws TimeoutException {
        fx(() -> app.window().training().stop());
        waitUntil(() -> !app.window().training().getState().isActive(), seconds);
        stop(app);
    }

    public static void stop(ConvStudioApp app) throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /**
     * The node of the app's scene with CSS selector {@code selector} (e.g. "#train-device"), once the scene holds it:
     * nodes inside a ScrollPane or TabPane are added by their parent's skin on a pulse, not when the view is built.
     */
    @SuppressWarnings("unchecked")
    public static <T extends javafx.scene.Node> T lookup(ConvStudioApp app, String selector) throws TimeoutException {
        if (onFx()) { // inside an FX call (e.g. a waitUntil condition): no waiting here, it would hold the pulse back
            return (T) app.stage().getScene().lookup(selector);
        }
        waitUntil(() -> fx(() -> app.stage().getScene().lookup(selector)) != null, 20);
        return (T) fx(() -> app.stage().getScene().lookup(selector));
    }

    /** Runs on the FX thread and waits. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    public static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until {@code condition} (evaluated on the FX thread) holds. A condition that throws (e.g. a node a skin
     * adds on the next pulse is not there yet) counts as not holding yet; on timeout the last such failure is the
     * cause.
     */
    public static void waitUntil(Callable<Boolean> condition, int seconds) throws TimeoutException {
        Throwable[] last = new Throwable[1];
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get(20, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    last[0] = e.getCause();
                    return false;
                }
            });
        } catch (TimeoutException e) {
            if (last[0] == null) {
                throw e;
            }
            TimeoutException t = new TimeoutException(e.getMessage() + "; the condition last failed with " + last[0]);
            t.initCause(last[0]);
            throw t;
        }
    }

    public static boolean onFx() {
        return Platform.isFxApplicationThread();
    }
}
