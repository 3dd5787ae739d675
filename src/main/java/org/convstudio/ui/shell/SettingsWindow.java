package org.convstudio.ui.shell;

import java.io.File;
import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.run.RunLocation;
import org.convstudio.ui.common.Css;

/**
 * File ▸ Settings: theme, Large Text, the folder new runs go into and the PyTorch threads the app trains with.
 * OK applies and keeps them in the preferences ({@link AppPrefs}); Cancel changes nothing.
 */
final class SettingsWindow {

    /** The chosen values. */
    record Values(Theme theme, boolean largeText, String runsFolder, int threads) {
    }

    private final Dialog<ButtonType> dialog = new Dialog<>();
    final ComboBox<Theme> theme = new ComboBox<>();
    final CheckBox largeText = new CheckBox("Larger text and blocks, for projectors");
    final TextField runsFolder = new TextField();
    final Spinner<Integer> threads;

    SettingsWindow(Window owner, Values current, boolean runsFolderFixed) {
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Settings");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("settings-dialog");

        theme.getItems().setAll(Theme.values());
        theme.setValue(current.theme());
        theme.setId("settings-theme");
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Theme fromString(String s) {
                return Theme.of(s);
            }
        });
        largeText.setSelected(current.largeText());
        largeText.setId("settings-large-text");

        Path defaultRuns = RunLocation.dataDirectory().resolve("runs");
        runsFolder.setText(current.runsFolder());
        runsFolder.setPromptText(defaultRuns.toString());
        runsFolder.setId("settings-runs-folder");
        runsFolder.setPrefColumnCount(28);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Folder for new runs");
            File start = new File(runsFolder.getText().isBlank() ? defaultRuns.toString() : runsFolder.getText());
            if (start.isDirectory()) {
                c.setInitialDirectory(start);
            }
            File f = c.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                runsFolder.setText(f.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(6, runsFolder, browse);
        HBox.setHgrow(runsFolder, Priority.ALWAYS);
        Label folderNote = new Label(runsFolderFixed
                ? "Set on the command line (-D" + RunLocation.RUNS_PROPERTY + "); change it there."
                : "Empty: the default, " + defaultRuns + " (where the command line's train puts runs too).");
        folderNote.setWrapText(true);
        folderNote.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        runsFolder.setDisable(runsFolderFixed);
        browse.setDisable(runsFolderFixed);

        int cores = TorchThreads.cores();
        threads = new Spinner<>(0, cores, Math.min(current.threads(), cores));
        threads.setEditable(true);
        threads.setId("settings-threads");
        threads.setPrefWidth(100);
        Label threadsNote = new Label("0 = automatic (" + TorchThreads.forAppAutomatic() + " of " + cores
                + " cores, one left for the window). Applies to the next run.");
        threadsNote.setWrapText(true);
        threadsNote.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 4, 4));
        grid.addRow(0, label("Theme"), theme);
        grid.addRow(1, label("Large Text"), largeText);
        grid.addRow(2, label("Runs folder"), folderRow);
        grid.add(folderNote, 1, 3);
        grid.addRow(4, label("Training threads"), threads);
        grid.add(threadsNote, 1, 5);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        folderNote.setMaxWidth(460);
        threadsNote.setMaxWidth(460);
        dialog.getDialogPane().setContent(grid);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }

    /** The values as the window shows them now. */
    Values values() {
        int n;
        try { // a typed count counts even before Enter
            n = Integer.parseInt(threads.getEditor().getText().strip());
        } catch (NumberFormatException e) {
            n = threads.getValue() == null ? 0 : threads.getValue();
        }
        n = Math.max(0, Math.min(n, TorchThreads.cores()));
        return new Values(theme.getValue(), largeText.isSelected(), runsFolder.getText().strip(), n);
    }
}
