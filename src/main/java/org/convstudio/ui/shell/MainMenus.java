package org.convstudio.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.convstudio.ui.common.Workspace;
import org.convstudio.ui.editor.DesignWorkspace;
import org.convstudio.ui.training.RunState;
import org.convstudio.ui.training.TrainingViewModel;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The main window's menu bar: File (with Open Recent), Edit, View (theme, Large Text, zoom, workspaces),
 * Run and Help, with their accelerators; the Run items also back the window's run keys.
 */
final class MainMenus {

    private final MainWindow window;
    private final Stage stage;
    private final AppPrefs prefs;
    private final DesignWorkspace design;
    private final TrainingViewModel training;
    private final Map<String, Workspace> workspaces;
    final RadioMenuItem lightItem = new RadioMenuItem("Light");
    final RadioMenuItem darkItem = new RadioMenuItem("Dark");
    final CheckMenuItem largeTextItem = new CheckMenuItem("Large Text (Projector)");
    private RunKeys runKeys;
    private final ShellActions actions;
    private MenuBar bar;

    MainMenus(MainWindow window, Stage stage, AppPrefs prefs, DesignWorkspace design, TrainingViewModel training,
            Map<String, Workspace> workspaces, ShellActions actions) {
        this.actions = actions;
        this.window = window;
        this.stage = stage;
        this.prefs = prefs;
        this.design = design;
        this.training = training;
        this.workspaces = workspaces;
    }

    /** The run keys acting on the Run menu's items (after {@link #build()}). */
    RunKeys runKeys() {
        return runKeys;
    }

    MenuBar build() {
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-recent");
        recent.getItems().add(new MenuItem("(none)"));
        recent.setOnShowing(e -> fillRecent(recent));

        Menu file = new Menu("_File", null,
                item("New", MaterialDesignF.FILE_PLUS, "Shortcut+N", design::newDesign),
                item("Open…", MaterialDesignF.FOLDER_OPEN, "Shortcut+O", design::open),
                recent,
                item("Presets…", MaterialDesignV.VIEW_GRID_OUTLINE, null, design::showPresets),
                new SeparatorMenuItem(),
                item("Save", MaterialDesignC.CONTENT_SAVE, "Shortcut+S", design::save),
                item("Save As…", MaterialDesignC.CONTENT_SAVE_EDIT, "Shortcut+Shift+S", design::saveAs),
                new SeparatorMenuItem(),
                item("Export Diagram as PNG…", MaterialDesignI.IMAGE_OUTLINE, "Shortcut+E", design::exportPng),
                exportMenu(),
                item("Import Weights…", MaterialDesignD.DOWNLOAD_OUTLINE, null, actions::importWeights),
                new SeparatorMenuItem(),
                item("Settings…", MaterialDesignC.COG_OUTLINE, "Shortcut+COMMA", actions::settings),
                new SeparatorMenuItem(),
                item("Quit", MaterialDesignE.EXIT_TO_APP, "Shortcut+Q", window::requestQuit));
        fillRecent(recent);

        MenuItem undo = item("Undo", MaterialDesignU.UNDO, "Shortcut+Z", design::undo);
        undo.disableProperty().bind(design.canUndoProperty().not());
        MenuItem redo = item("Redo", MaterialDesignR.REDO, "Shortcut+Y", design::redo);
        redo.disableProperty().bind(design.canRedoProperty().not());
        MenuItem delete = item("Delete", MaterialDesignD.DELETE_OUTLINE, "Delete", design::deleteSelection);
        delete.disableProperty().bind(design.hasSelectionProperty().not());
        MenuItem duplicate = item("Duplicate", MaterialDesignC.CONTENT_DUPLICATE, "Shortcut+D", design::duplicateSelection);
        duplicate.disableProperty().bind(design.hasSelectionProperty().not());
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), delete, duplicate,
                item("Select All", MaterialDesignS.SELECT_ALL, "Shortcut+A", design::selectAll),
                new SeparatorMenuItem(),
                item("Auto Layout", MaterialDesignS.SITEMAP, "Shortcut+L", design::autoLayout),
                new SeparatorMenuItem(),
                item("Replace Classifier Head…", MaterialDesignS.SWAP_HORIZONTAL, null, design::replaceClassifierHead));

        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        lightItem.setId("menu-theme-light");
        darkItem.setId("menu-theme-dark");
        lightItem.setOnAction(e -> window.setTheme(Theme.LIGHT));
        darkItem.setOnAction(e -> window.setTheme(Theme.DARK));
        Menu themeMenu = new Menu("Theme", new FontIcon(MaterialDesignT.THEME_LIGHT_DARK), lightItem, darkItem,
                new SeparatorMenuItem(),
                item("Toggle Light / Dark", null, "Shortcut+Shift+T", window::toggleTheme));
        largeTextItem.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+P"));
        largeTextItem.setOnAction(e -> window.setLargeText(largeTextItem.isSelected()));

        Menu goTo = new Menu("Workspace");
        int i = 1;
        for (Workspace w : workspaces.values()) {
            goTo.getItems().add(item(w.title(), w.icon(), "Shortcut+" + i, () -> window.show(w.id())));
            i++;
        }
        Menu view = new Menu("_View", null, themeMenu, largeTextItem, new SeparatorMenuItem(),
                item("Zoom In", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Shortcut+EQUALS", design::zoomIn),
                item("Zoom Out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Shortcut+MINUS", design::zoomOut),
                item("Actual Size", MaterialDesignM.MAGNIFY, "Shortcut+0", design::zoomReset),
                item("Fit to View", MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Shortcut+Shift+F", design::fitToView),
                new SeparatorMenuItem(), goTo);

        MenuItem train = item("Train", MaterialDesignP.PLAY, "F5", () -> {
            window.show("train");
            training.train();
        });
        train.setId("menu-train");
        MenuItem pause = item("Pause / Resume", MaterialDesignP.PAUSE, "Space", training::togglePause);
        pause.setId("menu-pause");
        MenuItem stop = item("Stop…", MaterialDesignS.STOP, "Shift+F5", window::confirmStop);
        stop.setId("menu-stop");
        train.disableProperty().bind(training.canStartProperty().not());
        pause.disableProperty().bind(Bindings.createBooleanBinding(
                () -> training.getState() != RunState.RUNNING && training.getState() != RunState.PAUSED,
                training.stateProperty()));
        stop.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !training.getState().isActive() || training.getState() == RunState.STOPPING,
                training.stateProperty()));
        runKeys = new RunKeys(train, pause, stop);
        Menu run = new Menu("_Run", null, train, pause, stop);

        Menu help = new Menu("_Help", null,
                item("Getting Started", MaterialDesignH.HUMAN_GREETING_VARIANT, null, actions::tour),
                item("Keyboard Shortcuts", MaterialDesignK.KEYBOARD, "F1", () -> actions.shortcuts(bar)),
                new SeparatorMenuItem(),
                item("Copy Diagnostics", MaterialDesignC.CLIPBOARD_TEXT_OUTLINE, null, actions::copyDiagnostics),
                item("About ConvStudio", MaterialDesignI.INFORMATION_OUTLINE, null, actions::about));

        bar = new MenuBar(file, edit, view, run, help);
        bar.setId("menu-bar");
        return bar;
    }


    private Menu exportMenu() {
        MenuItem pytorch = item("PyTorch…", MaterialDesignL.LANGUAGE_PYTHON, null, actions::exportPyTorch);
        pytorch.setId("menu-export-pytorch");
        Menu export = new Menu("Export", new FontIcon(MaterialDesignE.EXPORT), pytorch);
        export.setId("menu-export");
        return export;
    }

    /** The menu bar (after {@link #build()}). */
    MenuBar bar() {
        return bar;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        List<Path> files = prefs.recentFiles();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        int n = 1;
        for (Path p : files) {
            MenuItem m = new MenuItem(n + "  " + p.getFileName() + "   —   " + abbreviate(p.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> design.open(p));
            recent.getItems().add(m);
            n++;
        }
        recent.getItems().add(new SeparatorMenuItem());
        MenuItem clear = new MenuItem("Clear Recent Files");
        clear.setOnAction(e -> {
            prefs.clearRecent();
            prefs.flushAsync();
        });
        recent.getItems().add(clear);
    }

    private static String abbreviate(Path dir) {
        if (dir == null) {
            return "";
        }
        String home = System.getProperty("user.home");
        String s = dir.toString();
        return home != null && s.startsWith(home) ? "~" + s.substring(home.length()) : s;
    }

    private static MenuItem item(String text, Ikon icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.valueOf(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
