package org.convstudio.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convstudio.ui.classroom.ClassroomWorkspace;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Workspace;
import org.convstudio.ui.editor.DesignWorkspace;
import org.convstudio.ui.embed.EmbedWorkspace;
import org.convstudio.ui.inspect.InspectWorkspace;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainWorkspace;
import org.convstudio.ui.training.TrainingViewModel;

/** The main window: menu bar ({@link MainMenus}), workspace sidebar, workspace area, status bar. */
public final class MainWindow {

    private final Stage stage;
    private final AppPrefs prefs;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private final ToggleGroup nav = new ToggleGroup();
    private final TrainingViewModel training = new TrainingViewModel();
    private final DesignWorkspace design;
    private final ClassroomWorkspace classroom;
    private final StatusBar statusBar;
    private Workspace current;
    private Theme theme;
    private final MainMenus menus;
    /** Large Text's font size, and the theme's base size it enlarges (the canvas scales by their ratio). */
    static final double LARGE_TEXT_PX = 18;
    static final double BASE_TEXT_PX = 14;
    private Alert stopDialog;
    private final TrainWorkspace trainWorkspace;
    private final ShellActions actions;

    public MainWindow(Stage stage, AppPrefs prefs) {
        this.stage = stage;
        this.prefs = prefs;
        this.statusBar = new StatusBar(training.stateProperty());
        ShellActions.applyStartupPrefs(prefs); // the runs folder and threads before anything reads them
        AppServices services = new Services();
        design = new DesignWorkspace(services);
        add(design);
        startup("design workspace");
        trainWorkspace = new TrainWorkspace(training, services);
        add(trainWorkspace);
        startup("train workspace");
        training.analysisProperty().bind(design.viewModel().analysisProperty());
        // the Train page belongs to the design: runs are named after its document, another design clears it
        training.designNameProperty().bind(design.viewModel().titleProperty());
        design.viewModel().documentProperty().addListener((o, a, b) -> training.designReplaced());
        // "Ready to train" in the Design workspace checks the outputs against the chosen data's classes
        design.viewModel().dataClassesProperty().bind(Bindings.createIntegerBinding(
                () -> training.dataProperty().get() == null ? 0 : training.dataProperty().get().classNames().size(),
                training.dataProperty()));
        training.setCatalog(org.convstudio.ui.training.RunCatalog.forDataDirectory(services.dataDirectory()));
        training.deviceProperty().addListener((o, a, d) -> statusBar.setDevice(deviceText(d)));
        InspectWorkspace inspect = new InspectWorkspace(services, () -> design.viewModel().getNetwork(),
                training.currentRunProperty(), training.stateProperty());
        add(inspect);
        EmbedWorkspace embed = new EmbedWorkspace(services);
        embed.follow(training); // live mode: each epoch the Train workspace's run saves
        embed.setInspector((run, sample) -> {
            show("inspect");
            inspect.showSample(run, sample);
        });
        add(embed);
        classroom = new ClassroomWorkspace(() -> design.viewModel().getNetwork(), training.currentRunProperty(),
                training.stateProperty(), services.dataDirectory(),
                id -> design.confirmDiscard(() -> {
                    design.loadPreset(id);
                    show("design");
                }));
        add(classroom);
        startup("other workspaces");

        root.getStyleClass().add("app-root");
        root.setId("app-root");
        actions = new ShellActions(this, stage, prefs);
        menus = new MainMenus(this, stage, prefs, design, training, workspaces, actions);
        root.setTop(menus.build());
        root.setLeft(Sidebar.build(workspaces.values(), nav, navButtons, this::show));
        startup("menus and sidebar");
        content.getStyleClass().add("workspace-area");
        root.setCenter(content);
        root.setBottom(statusBar);

        theme = Theme.of(prefs.theme());
        (theme == Theme.DARK ? menus.darkItem : menus.lightItem).setSelected(true);
        setLargeText(prefs.largeText());
        menus.largeTextItem.setSelected(prefs.largeText());
        // the design view is built once the window shows (showFirstWorkspace): the window comes up sooner
    }

    /**
     * Shows the Design workspace, building its view: called by the app right after the window is shown, so that
     * the menus, sidebar and status bar appear first and the canvas a pulse later.
     */
    public void showFirstWorkspace() {
        if (current == null) {
            show("design");
            startup("design view");
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainWindow.class);

    private static void startup(String step) {
        LOG.debug("start-up: {} at {} ms", step, ConvStudioApp.sinceJvmStart());
    }

    public BorderPane root() {
        return root;
    }

    public Theme theme() {
        return theme;
    }

    public DesignWorkspace design() {
        return design;
    }

    public TrainingViewModel training() {
        return training;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    /** The run selected in the Train workspace's runs list, if any. */
    public java.util.Optional<Path> selectedRun() {
        var item = trainWorkspace.runList().getSelectionModel().getSelectedItem();
        return item == null ? java.util.Optional.empty() : java.util.Optional.of(item.dir());
    }

    /** The sidebar button of workspace {@code id}, or null. */
    Node navButton(String id) {
        return navButtons.get(id);
    }

    MainMenus menus() {
        return menus;
    }

    /** File and Help's commands (tests). */
    ShellActions actions() {
        return actions;
    }

    public Workspace currentWorkspace() {
        return current;
    }

    public List<String> workspaceIds() {
        return List.copyOf(workspaces.keySet());
    }

    private void add(Workspace w) {
        workspaces.put(w.id(), w);
    }

    /** Shows workspace {@code id} (creating its view on first use). */
    public void show(String id) {
        Workspace w = workspaces.get(id);
        if (w == null || w == current) {
            return;
        }
        if (current != null) {
            current.onHidden();
        }
        Node view = w.view();
        content.getChildren().setAll(view);
        // skins now rather than on the next pulse: a ScrollPane's or TabPane's content is in the scene graph at
        // once (the same CSS pass the pulse would make; keyboard focus and lookups find the workspace's nodes)
        view.applyCss();
        current = w;
        ToggleButton b = navButtons.get(id);
        if (b != null && !b.isSelected()) {
            b.setSelected(true);
        }
        w.onShown();
    }

    // ------------------------------------------------------------------ theme

    public void setTheme(Theme t) {
        theme = t;
        t.apply();
        (t == Theme.DARK ? menus.darkItem : menus.lightItem).setSelected(true);
        prefs.setTheme(t.key());
        prefs.flushAsync();
    }

    public void toggleTheme() {
        setTheme(theme.other());
    }

    public void setLargeText(boolean on) {
        root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("large-text"), on);
        root.setStyle(on ? "-fx-font-size: " + LARGE_TEXT_PX + "px;" : "");
        // the canvas scales as a whole (its cards keep their layout), by the same factor as the text
        design.setPresentationScale(on ? LARGE_TEXT_PX / BASE_TEXT_PX : 1);
        if (prefs.largeText() != on) {
            prefs.setLargeText(on);
            prefs.flushAsync();
        }
    }

    /**
     * The run keys act like their menu items whatever has the focus: a scene-level event filter sees
     * Space, F5 and Shift+F5 before any control does (so a focused Stop button or check box never
     * "presses" on Space) and fires the menu item if it is enabled. Only an editable text field keeps
     * Space, so that a folder name can hold a blank. The menus' other shortcuts reach their items from a focused
     * text field too ({@link FieldShortcuts}).
     */
    void installKeyHandlers() {
        stage.getScene().addEventFilter(KeyEvent.ANY, menus.runKeys()::filter);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, new FieldShortcuts(menus.bar())::filter);
        stage.focusedProperty().addListener((o, was, focused) -> menus.runKeys().clearHeld());
    }

    /** Shift+F5 / Run ▸ Stop: asks first when an epoch is under way (its unfinished part is lost). */
    public void confirmStop() {
        if (!training.getState().isActive() || training.getState() == RunState.STOPPING) {
            return;
        }
        var snap = training.snapshotProperty().get();
        boolean midEpoch = snap != null && snap.batch() > 0 && snap.batch() < snap.batchesPerEpoch();
        if (!midEpoch) {
            training.stop();
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "Epoch " + snap.epoch() + " is " + Math.round(100.0 * snap.batch() / snap.batchesPerEpoch())
                        + " % done. Stopping now keeps every finished epoch in the run folder; this epoch's"
                        + " progress is lost.",
                ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText("Stop training?");
        ask.initOwner(stage);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Stop");
        stopDialog = ask;
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> training.stop());
        stopDialog = null;
    }

    /** The Stop confirmation while it is open (tests), else null. */
    public Alert stopDialog() {
        return stopDialog;
    }

    /** "CPU · PyTorch" / "GPU 0 · PyTorch" from the engine's device label ("cpu", "gpu:0"). */
    static String deviceText(String label) {
        if (label == null || label.isEmpty()) {
            return "CPU · " + Runtime.getRuntime().availableProcessors() + " cores";
        }
        return label.startsWith("gpu") ? "GPU " + label.substring(label.indexOf(':') + 1) + " · PyTorch"
                : "CPU · PyTorch";
    }

    // ------------------------------------------------------------------ window lifecycle

    /** File ▸ Quit and the window's close button: confirm unsaved changes, then close. */
    public void requestQuit() {
        design.confirmDiscard(() -> {
            if (!training.isRunActive()) {
                stage.hide();
                Platform.exit();
                return;
            }
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "A training run is in progress. Stop it and quit? Every finished epoch is already saved in its run folder;"
                            + " the current epoch is lost.",
                    javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
            ask.setHeaderText("Stop training and quit?");
            ask.initOwner(stage);
            if (ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL) != javafx.scene.control.ButtonType.OK) {
                return;
            }
            statusBar.showMessage("Stopping training before quitting…");
            // the worker finishes its batch and any checkpoint it is writing; wait for it off the FX thread
            Background.submit(training.stopForQuit(30_000), done -> {
                stage.hide();
                Platform.exit();
            }, error -> {
                stage.hide();
                Platform.exit();
            });
        });
    }

    void rememberGeometry() {
        boolean max = stage.isMaximized();
        AppPrefs.WindowGeometry old = prefs.window();
        prefs.setWindow(max && old != null
                ? new AppPrefs.WindowGeometry(old.x(), old.y(), old.width(), old.height(), true)
                : new AppPrefs.WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
    }

    void shutdown() {
        training.stop();
        design.shutdown();
        classroom.shutdown();
        statusBar.dispose();
    }

    private final class Services implements AppServices {
        @Override
        public Window window() {
            return stage;
        }

        @Override
        public void status(String message) {
            statusBar.showMessage(message);
        }

        @Override
        public void fileUsed(Path file) {
            prefs.addRecent(file);
            prefs.flushAsync();
        }

        @Override
        public void fileGone(Path file) {
            prefs.removeRecent(file);
            prefs.flushAsync();
        }

        @Override
        public void error(String context, Throwable error) {
            ErrorReporter.report(context, error);
        }

        @Override
        public Path dataDirectory() {
            String home = System.getProperty("convstudio.home");
            Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".convstudio");
            return dir;
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
