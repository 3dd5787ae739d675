package org.convstudio.ui.shell;

import org.convstudio.ui.common.Css;


import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** Small informational dialogs (About, keyboard shortcuts). */
public final class Dialogs {

    /** Shortcut, action — shown in Help ▸ Keyboard Shortcuts and in the README. */
    static final String[][] SHORTCUTS = {
        {"Ctrl+N", "New design"},
        {"Ctrl+O", "Open a design"},
        {"Ctrl+S", "Save"},
        {"Ctrl+Shift+S", "Save as"},
        {"Ctrl+E", "Export diagram as PNG"},
        {"Ctrl+Q", "Quit"},
        {"Ctrl+Z / Ctrl+Y", "Undo / redo"},
        {"Delete", "Delete selected blocks"},
        {"Ctrl+D", "Duplicate selected blocks"},
        {"Ctrl+A", "Select all blocks"},
        {"Ctrl+L", "Auto layout"},
        {"Ctrl+= / Ctrl+- / Ctrl+0", "Zoom in / out / actual size"},
        {"Ctrl+Shift+F", "Fit design to view"},
        {"Ctrl+1 … Ctrl+5", "Design, Train, Inspect, Embed, Classroom"},
        {"Ctrl+Shift+T", "Toggle light / dark theme"},
        {"Ctrl+Shift+P", "Large text for projectors"},
        {"F5", "Train"},
        {"Space", "Pause / resume training"},
        {"Shift+F5", "Stop training"},
        {"F1", "This list"},
    };

    private Dialogs() {
    }

    public static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("About ConvStudio");
        a.setHeaderText("ConvStudio");
        FontIcon icon = new FontIcon(MaterialDesignD.DOTS_HEXAGON);
        icon.setIconSize(48);
        icon.getStyleClass().add("about-icon");
        a.setGraphic(icon);
        Label text = new Label("Design, train and look inside convolutional neural networks.\n\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.version", "?")
                + "\nTheme: AtlantaFX Primer · Icons: Material Design (Ikonli)");
        text.setWrapText(true);
        a.getDialogPane().setContent(text);
        a.show();
    }

    public static void shortcuts(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().addAll(Css.TEXT_BOLD, "shortcut-key");
            grid.add(key, 0, i);
            grid.add(new Label(SHORTCUTS[i][1]), 1, i);
        }
        a.getDialogPane().setContent(new VBox(grid));
        a.show();
    }
}
