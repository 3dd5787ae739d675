package org.convstudio.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** Help's dialogs: About (versions), keyboard shortcuts (from the menus' own accelerators), diagnostics. */
public final class Dialogs {

    /** Keys that are not menu accelerators (they belong to the canvas, fields or presentation mode). */
    static final String[][] OTHER_KEYS = {
        {"Shift+click", "Add a block to the selection"},
        {"Drag on empty canvas", "Select an area"},
        {"Ctrl+scroll", "Zoom the canvas"},
        {"Middle or right drag", "Pan the canvas"},
        {"Escape (in a field)", "Put an invalid value back"},
        {"← / → (Classroom)", "Previous / next step"},
    };

    /** A shortcut as the menus define it. */
    record Shortcut(String keys, String menu, String action) {
    }

    private Dialogs() {
    }

    /** Every menu item with an accelerator, in menu order: its keys as the platform shows them, its menu, its text. */
    static List<Shortcut> shortcuts(MenuBar bar) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, m.getText().replace("_", ""), out);
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof Menu sub) {
                collect(sub, path + " ▸ " + sub.getText(), out);
            } else if (i.getAccelerator() != null && i.getText() != null) {
                out.add(new Shortcut(i.getAccelerator().getDisplayText(), path, i.getText().replace("…", "")));
            }
        }
    }

    /** The About dialog; libtorch's version and the device fill in once the engine has answered (off the UI thread). */
    public static Alert about(Window owner, String device) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("About ConvStudio");
        a.setHeaderText("ConvStudio " + AppInfo.appVersion());
        a.getDialogPane().setId("about-dialog");
        FontIcon icon = new FontIcon(MaterialDesignD.DOTS_HEXAGON);
        icon.setIconSize(48);
        icon.getStyleClass().add("about-icon");
        a.setGraphic(icon);
        Label text = new Label("Design, train and look inside convolutional neural networks.");
        text.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setId("about-versions");
        Map<String, String> quick = new java.util.LinkedHashMap<>();
        quick.put("Java", System.getProperty("java.runtime.version", System.getProperty("java.version")));
        quick.put("JavaFX", System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?")));
        quick.put("DJL", org.convstudio.engine.device.EngineInfo.djlVersion());
        quick.put("libtorch", "…");
        quick.put("Device", device);
        fill(grid, quick);
        java.nio.file.Path log = AppLog.file();
        Label logLabel = new Label("Log file: " + (log == null ? "(none)" : log));
        logLabel.setWrapText(true);
        logLabel.setId("about-log");
        logLabel.getStyleClass().add(Css.TEXT_SMALL);
        Label credits = new Label("Theme: AtlantaFX Primer · Icons: Material Design (Ikonli) · Training: PyTorch through Deep Java Library");
        credits.setWrapText(true);
        credits.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        VBox box = new VBox(10, text, grid, logLabel, credits);
        box.setPrefWidth(520);
        a.getDialogPane().setContent(box);
        Background.submit(org.convstudio.engine.device.EngineInfo::libtorch, v -> {
            quick.put("libtorch", v);
            fill(grid, quick);
        }, e -> { });
        a.show();
        return a;
    }

    private static void fill(GridPane grid, Map<String, String> values) {
        grid.getChildren().clear();
        int r = 0;
        for (var e : values.entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add(Css.TEXT_BOLD);
            Label v = new Label(e.getValue());
            v.setId("about-" + e.getKey().toLowerCase(java.util.Locale.ROOT));
            v.setWrapText(true);
            grid.addRow(r++, k, v);
        }
    }

    /** Help ▸ Keyboard Shortcuts: every accelerator of the menu bar, then the keys that have no menu item. */
    public static Alert shortcuts(Window owner, MenuBar bar) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setGraphic(null);
        a.getDialogPane().setId("shortcuts-dialog");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setPadding(new Insets(4));
        int row = 0;
        String menu = null;
        for (Shortcut s : shortcuts(bar)) {
            if (!s.menu().equals(menu)) {
                menu = s.menu();
                Label h = new Label(menu);
                h.getStyleClass().add("panel-title");
                if (row > 0) {
                    h.setPadding(new Insets(8, 0, 0, 0));
                }
                grid.add(h, 0, row++, 2, 1);
            }
            Label key = new Label(s.keys());
            key.getStyleClass().addAll(Css.TEXT_BOLD, "shortcut-key");
            grid.add(key, 0, row);
            grid.add(new Label(s.action()), 1, row++);
        }
        Label other = new Label("Canvas and other keys");
        other.getStyleClass().add("panel-title");
        other.setPadding(new Insets(8, 0, 0, 0));
        grid.add(other, 0, row++, 2, 1);
        for (String[] k : OTHER_KEYS) {
            Label key = new Label(k[0]);
            key.getStyleClass().addAll(Css.TEXT_BOLD, "shortcut-key");
            grid.add(key, 0, row);
            grid.add(new Label(k[1]), 1, row++);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(460);
        scroll.setPrefViewportWidth(560);
        a.getDialogPane().setContent(scroll);
        a.setResizable(true);
        a.show();
        return a;
    }

    /** Help ▸ Copy Diagnostics: collects off the UI thread, copies, then says so (with the text, to read). */
    public static void copyDiagnostics(Window owner, String device, java.util.function.Consumer<String> status) {
        status.accept("Collecting diagnostics…");
        Background.submit(() -> AppInfo.collect(device), text -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
            status.accept("Diagnostics copied to the clipboard");
            Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
            a.initOwner(owner);
            a.setTitle("Diagnostics");
            a.setHeaderText("Copied to the clipboard — paste it into your bug report");
            a.getDialogPane().setId("diagnostics-dialog");
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
            area.setEditable(false);
            area.setId("diagnostics-text");
            area.setPrefColumnCount(70);
            area.setPrefRowCount(14);
            a.getDialogPane().setContent(area);
            a.show();
        }, e -> status.accept("Could not collect diagnostics: " + e.getMessage()));
    }
}
