package org.convstudio.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.run.RunLocation;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.training.DeviceOption;
import org.convstudio.ui.training.RunCatalog;

/**
 * The shell's own commands behind the File and Help menus: export to PyTorch and import weights
 * ({@link PyTorchTransfer}), Settings ({@link SettingsWindow}), the getting-started tour ({@link GuidedTour}),
 * About, keyboard shortcuts and diagnostics ({@link Dialogs}).
 */
final class ShellActions {

    /** True when the runs folder came from the command line ({@code -Dconvstudio.runs}): Settings leaves it alone. */
    private static boolean runsFolderFixed;

    private final MainWindow window;
    private final Stage stage;
    private final AppPrefs prefs;
    private final PyTorchTransfer transfer;
    private GuidedTour tour;
    private SettingsWindow settingsWindow;

    ShellActions(MainWindow window, Stage stage, AppPrefs prefs) {
        this.window = window;
        this.stage = stage;
        this.prefs = prefs;
        this.transfer = new PyTorchTransfer(new PyTorchTransfer.Context() {
            @Override
            public Window owner() {
                return stage;
            }

            @Override
            public Network design() {
                return window.design().viewModel().getNetwork();
            }

            @Override
            public Optional<Path> selectedRun() {
                return window.selectedRun();
            }

            @Override
            public Path runsRoot() {
                return window.training().catalog().root();
            }

            @Override
            public void status(String message) {
                window.statusBar().showMessage(message);
            }

            @Override
            public void runsChanged() {
                window.training().refreshRuns();
            }
        });
        // the device: one value (the Train page's box and Settings show it), kept in the preferences
        window.training().deviceOptionProperty().set(DeviceOption.ofKey(prefs.device()));
        window.training().deviceOptionProperty().addListener((o, a, d) -> {
            if (d != null && !d.key().equals(prefs.device())) {
                prefs.setDevice(d.key());
                prefs.flushAsync();
            }
        });
    }

    /**
     * Applies the saved runs folder and thread count before anything reads them (the runs folder only when
     * {@code -Dconvstudio.runs} was not given).
     */
    static void applyStartupPrefs(AppPrefs prefs) {
        runsFolderFixed = System.getProperty(RunLocation.RUNS_PROPERTY) != null;
        if (!runsFolderFixed && !prefs.runsFolder().isBlank()) {
            System.setProperty(RunLocation.RUNS_PROPERTY, prefs.runsFolder());
        }
        TorchThreads.setAppIntraOp(prefs.threads());
    }

    PyTorchTransfer transfer() {
        return transfer;
    }

    void exportPyTorch() {
        transfer.exportMenu();
    }

    void importWeights() {
        transfer.importMenu();
    }

    // ------------------------------------------------------------------ settings

    /** File ▸ Settings…: shows the window; OK applies. */
    void settings() {
        SettingsWindow w = openSettings();
        w.dialog().showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> applySettings(w.values()));
        settingsWindow = null;
    }

    /** The Settings window, built with the current values (tests show it without waiting). */
    SettingsWindow openSettings() {
        settingsWindow = new SettingsWindow(stage, new SettingsWindow.Values(window.theme(), prefs.largeText(),
                DataFolderSetting.fixed() ? System.getProperty(RunLocation.HOME_PROPERTY, "") : prefs.dataFolder(),
                runsFolderFixed ? System.getProperty(RunLocation.RUNS_PROPERTY, "") : prefs.runsFolder(),
                window.training().deviceOptionProperty().get(), prefs.threads()),
                new SettingsWindow.Fixed(DataFolderSetting.fixed(), runsFolderFixed));
        return settingsWindow;
    }

    /** The open Settings window, or null (tests). */
    SettingsWindow settingsWindow() {
        return settingsWindow;
    }

    /** Applies and keeps the Settings window's values. */
    void applySettings(SettingsWindow.Values v) {
        if (v.theme() != window.theme()) {
            window.setTheme(v.theme());
        }
        if (v.largeText() != prefs.largeText()) {
            window.setLargeText(v.largeText());
            window.menus().largeTextItem.setSelected(v.largeText());
        }
        prefs.setThreads(v.threads());
        TorchThreads.setAppIntraOp(v.threads());
        window.training().deviceOptionProperty().set(v.device()); // the listener keeps it
        String message = "Settings saved";
        if (!DataFolderSetting.fixed() && !v.dataFolder().equals(prefs.dataFolder())) {
            prefs.setDataFolder(v.dataFolder());
            message = "Settings saved; the new data folder is used from the next start";
        }
        if (!runsFolderFixed && !v.runsFolder().equals(prefs.runsFolder())) {
            prefs.setRunsFolder(v.runsFolder());
            if (v.runsFolder().isBlank()) {
                System.clearProperty(RunLocation.RUNS_PROPERTY);
            } else {
                System.setProperty(RunLocation.RUNS_PROPERTY, v.runsFolder());
            }
            window.training().setCatalog(RunCatalog.forDataDirectory(RunLocation.dataDirectory()));
            window.training().refreshRuns();
        }
        prefs.flushAsync();
        window.statusBar().showMessage(message);
    }

    // ------------------------------------------------------------------ help

    void tour() {
        if (tour == null) {
            tour = new GuidedTour(stage, window, window::navButton);
        }
        tour.start();
    }

    /** The tour, once started (tests). */
    GuidedTour currentTour() {
        return tour;
    }

    void about() {
        Dialogs.about(stage, MainWindow.deviceText(window.training().deviceProperty().get()));
    }

    void shortcuts(MenuBar bar) {
        Dialogs.shortcuts(stage, bar);
    }

    void copyDiagnostics() {
        Dialogs.copyDiagnostics(stage, MainWindow.deviceText(window.training().deviceProperty().get()),
                window.statusBar()::showMessage);
    }
}
