package org.convstudio.ui.shell;

import java.io.File;
import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.scene.Node;
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
import org.convstudio.ui.training.DeviceOption;

/**
 * File ▸ Settings: theme, Large Text, the data folder, the folder new runs go into, the device and the PyTorch
 * threads the app trains with. OK applies and keeps them in the preferences ({@link AppPrefs}); Cancel changes
 * nothing.
 */
final class SettingsWindow {

    /** The chosen values ({@code dataFolder} and {@code runsFolder} "" for the defaults). */
    record Values(Theme theme, boolean largeText, String dataFolder, String runsFolder, DeviceOption device, int threads) {

        /** The values of the settings this window had before the data folder and device. */
        Values(Theme theme, boolean largeText, String runsFolder, int threads) {
            this(theme, largeText, "", runsFolder, DeviceOption.CPU, threads);
        }
    }

    /** Which folders the command line fixed (shown read-only). */
    record Fixed(boolean dataFolder, boolean runsFolder) {
    }

    private final Dialog<ButtonType> dialog = new Dialog<>();
    final ComboBox<Theme> theme = new ComboBox<>();
    final CheckBox largeText = new CheckBox("Larger text and blocks, for projectors");
    final TextField dataFolder = new TextField();
    final TextField runsFolder = new TextField();
    final ComboBox<DeviceOption> device = new ComboBox<>();
    final Spinner<Integer> threads;
    private final String dataFolderAtStart;

    SettingsWindow(Window owner, Values current, Fixed fixed) {
        boolean runsFolderFixed = fixed.runsFolder();
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
        Node runsRow = folderRow(runsFolder, current.runsFolder(), defaultRuns, "Folder for new runs", runsFolderFixed);
        runsFolder.setId("settings-runs-folder");
        Label folderNote = note(runsFolderFixed
                ? "Set on the command line (-D" + RunLocation.RUNS_PROPERTY + "); change it there."
                : "Empty: the default, " + defaultRuns + " (where the command line's train puts runs too).");

        dataFolderAtStart = current.dataFolder();
        Path defaultData = Path.of(System.getProperty("user.home"), ".convstudio");
        Node dataRow = folderRow(dataFolder, current.dataFolder(), defaultData, "Data folder", fixed.dataFolder());
        dataFolder.setId("settings-data-folder");
        Label dataNote = note(fixed.dataFolder()
                ? "Set on the command line (-D" + RunLocation.HOME_PROPERTY + "); change it there."
                : "The log, recovery files and (by default) runs. Empty: " + defaultData + ". Applies at the next start.");

        device.getItems().setAll(DeviceOption.values());
        device.setValue(current.device());
        device.setId("settings-device");
        device.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeviceOption o) {
                return o == null ? "" : o == DeviceOption.AUTO ? "Auto (GPU if there is one)" : o.label();
            }

            @Override
            public DeviceOption fromString(String text) {
                return DeviceOption.ofKey(text);
            }
        });
        Label deviceNote = note("The Train page's Device box shows the same choice. GPU without one falls back to the CPU and says so.");

        int cores = TorchThreads.cores();
        threads = new Spinner<>(0, cores, Math.min(current.threads(), cores));
        threads.setEditable(true);
        threads.setId("settings-threads");
        threads.setPrefWidth(100);
        Label threadsNote = new Label("0 = automatic (" + TorchThreads.forAppAutomatic() + " of " + cores
                + " cores, one left for the window). Applies to the next run.");
        threadsNote.setWrapText(true);
        threadsNote.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        threadsNote.setMaxWidth(460);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 4, 4));
        int r = 0;
        grid.addRow(r++, label("Theme"), theme);
        grid.addRow(r++, label("Large Text"), largeText);
        grid.addRow(r++, label("Data folder"), dataRow);
        grid.add(dataNote, 1, r++);
        grid.addRow(r++, label("Runs folder"), runsRow);
        grid.add(folderNote, 1, r++);
        grid.addRow(r++, label("Device"), device);
        grid.add(deviceNote, 1, r++);
        grid.addRow(r++, label("Training threads"), threads);
        grid.add(threadsNote, 1, r);
        GridPane.setHgrow(dataRow, Priority.ALWAYS);
        GridPane.setHgrow(runsRow, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
    }

    /** A folder field with a Browse… button; both disabled when the command line fixed the folder. */
    private Node folderRow(TextField field, String value, Path fallback, String title, boolean fixedHere) {
        field.setText(value);
        field.setPromptText(fallback.toString());
        field.setPrefColumnCount(28);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle(title);
            File start = new File(field.getText().isBlank() ? fallback.toString() : field.getText());
            if (start.isDirectory()) {
                c.setInitialDirectory(start);
            }
            File f = c.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        });
        field.setDisable(fixedHere);
        browse.setDisable(fixedHere);
        HBox row = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        l.setMaxWidth(460);
        return l;
    }

    /** True when OK would change the data folder (it applies at the next start). */
    boolean dataFolderChanged() {
        return !dataFolder.getText().strip().equals(dataFolderAtStart);
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
        return new Values(theme.getValue(), largeText.isSelected(), dataFolder.getText().strip(),
                runsFolder.getText().strip(), device.getValue() == null ? DeviceOption.CPU : device.getValue(), n);
    }
}
