package org.convstudio.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.Objects;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. {@code org.convstudio.Launcher} calls {@link #launchApp(String[])}; tests
 * start it through TestFX ({@code FxToolkit.setupApplication(ConvStudioApp.class)}).
 */
public class ConvStudioApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConvStudioApp.class);
    public static final String STYLESHEET =
            Objects.requireNonNull(ConvStudioApp.class.getResource("/org/convstudio/ui/app.css")).toExternalForm();

    private static volatile ConvStudioApp instance;

    private AppPrefs prefs;
    private java.util.List<javafx.scene.image.Image> icons;
    private MainWindow window;
    private Stage stage;
    private long startupMillis = -1;

    /** Starts the desktop application and blocks until it exits. */
    public static void launchApp(String[] args) {
        Application.launch(ConvStudioApp.class, args);
    }

    /** The running instance (tests and tools), or null. */
    public static ConvStudioApp instance() {
        return instance;
    }

    /** Milliseconds since the JVM started (start-up timing in the log: -Dorg.slf4j.simpleLogger.defaultLogLevel=debug). */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void init() {
        // launcher thread: read preferences here, not on the FX thread
        LOG.debug("start-up: init at {} ms", sinceJvmStart());
        prefs = AppPrefs.load();
        LOG.debug("start-up: preferences read at {} ms", sinceJvmStart());
        icons = AppIcon.images();
        DataFolderSetting.applyAtStartup(prefs); // before anything writes into the data folder
        AppLog.install(org.convstudio.engine.run.RunLocation.dataDirectory()); // rotated log file in the data folder
    }

    @Override
    public void start(Stage primaryStage) {
        if (prefs == null) {
            prefs = AppPrefs.load();
        }
        stage = primaryStage;
        instance = this;
        stage.getIcons().setAll(icons != null ? icons : AppIcon.images());
        ErrorReporter.install(() -> stage);
        Theme.of(prefs.theme()).apply();

        LOG.debug("start-up: FX start at {} ms", sinceJvmStart());
        window = new MainWindow(stage, prefs);
        LOG.debug("start-up: main window built at {} ms", sinceJvmStart());
        Scene scene = new Scene(window.root());
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        window.installKeyHandlers();
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (window.design().dirtyProperty().get() ? "• " : "")
                        + window.design().documentTitleProperty().get() + " — ConvStudio",
                window.design().dirtyProperty(), window.design().documentTitleProperty()));
        applyGeometry(prefs.window());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.setOnCloseRequest(e -> {
            e.consume();
            window.requestQuit();
        });
        stage.setOnHidden(e -> {
            window.rememberGeometry();
            prefs.flush();
        });
        LOG.debug("start-up: scene ready at {} ms", sinceJvmStart());
        stage.show();
        startupMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Main window shown {} ms after JVM start", startupMillis);
        afterFirstFrame(scene);
        java.util.Optional<java.nio.file.Path> file =
                org.convstudio.model.io.DesignFileArgument.of(getParameters().getRaw().toArray(String[]::new));
        if (file.isPresent()) { // started by the desktop's file association (Launcher routes only that here)
            LOG.info("Opening {} given at start-up", file.get());
            window.design().open(file.get());
            openedAtStart = true;
        }
        if (Boolean.getBoolean("convstudio.smokeTest")) { // packaging/smoke-test.sh: the window came up, close it
            Platform.runLater(() -> {
                stage.hide();
                Platform.exit();
            });
            return;
        }
    }

    /** After the first frame (menus, sidebar, status bar on screen): the Design workspace, then recovery. */
    private void showDesign(Scene scene) {
        window.showFirstWorkspace();
        designShownFrame(scene);
        if (!openedAtStart) { // unsaved work of a crashed window is offered at the next plain start
            window.design().checkRecovery();
        }
    }

    /**
     * Logs when the first frame has been laid out (menus, sidebar and status bar on screen), then builds the Design
     * workspace (not for the packaging smoke test, which closes the window at once).
     */
    private void afterFirstFrame(Scene scene) {
        afterNextLayout(scene, () -> {
            firstFrameMillis = sinceJvmStart();
            LOG.info("First frame laid out {} ms after JVM start", firstFrameMillis);
            if (!Boolean.getBoolean("convstudio.smokeTest")) {
                Platform.runLater(() -> showDesign(scene));
            }
        });
    }

    /**
     * Logs when the frame with the Design workspace has been laid out (the canvas is on screen, the app is ready
     * to use), and with {@value #STARTUP_EXIT_PROPERTY}{@code =true} prints the start-up line and quits: {@code
     * src/bench/startup.sh} measures start-up so.
     */
    private void designShownFrame(Scene scene) {
        afterNextLayout(scene, () -> {
            long ready = sinceJvmStart();
            LOG.info("Design workspace laid out {} ms after JVM start", ready);
            if (Boolean.getBoolean(STARTUP_EXIT_PROPERTY)) {
                System.out.println("startup: window shown " + startupMillis + " ms, first frame " + firstFrameMillis
                        + " ms, design ready " + ready + " ms after JVM start");
                Platform.runLater(Platform::exit);
            }
        });
    }

    /** Runs {@code action} once, after the scene's next layout pass (then stops listening). */
    private static void afterNextLayout(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (once[0] == null) {
                return;
            }
            Runnable self = once[0];
            once[0] = null;
            Platform.runLater(() -> scene.removePostLayoutPulseListener(self)); // not while the scene iterates
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private volatile long firstFrameMillis = -1;
    /** Started with a design file (the desktop's file association): no recovery offer this time. */
    private boolean openedAtStart;

    /** {@code -Dconvstudio.startup.exit=true}: quit as soon as the first frame is laid out (start-up benchmark). */
    public static final String STARTUP_EXIT_PROPERTY = "convstudio.startup.exit";

    private void applyGeometry(AppPrefs.WindowGeometry g) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(g.width(), screen.getWidth());
        double h = Math.min(g.height(), screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        boolean onScreen = !Double.isNaN(g.x())
                && !Screen.getScreensForRectangle(g.x(), g.y(), Math.min(w, 100), Math.min(h, 100)).isEmpty();
        if (onScreen) {
            stage.setX(g.x());
            stage.setY(g.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(g.maximized());
    }

    @Override
    public void stop() {
        if (window != null) {
            if (stage != null && stage.isShowing()) {
                window.rememberGeometry();
            }
            window.shutdown();
        }
        if (prefs != null) {
            prefs.flush();
        }
        if (instance == this) {
            instance = null;
        }
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Milliseconds from JVM start to the main window being shown. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Runs on the FX thread (convenience for tools). */
    public static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
