package org.convstudio.ui.training;

import java.io.File;
import java.util.function.BooleanSupplier;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The data set panel of the Train workspace: chooser, folder row, summary and error. A failed load
 * leaves the chooser showing the data set in use.
 */
final class DataPanel {

    private final TrainingViewModel vm;
    private final AppServices app;
    private final SampleStrip strip;
    private final BooleanSupplier epochShown;
    private final ComboBox<DataChoice> dataChoice = new ComboBox<>();
    private final TextField folderField = new TextField();
    private final Label dataSummary = new Label("Not loaded yet");
    private final Label dataErrorLabel = new Label();
    private final Hyperlink dataErrorMore = new Hyperlink("Details");
    private final Label dataErrorDetails = new Label();
    private boolean reverting;
    private boolean built;

    /**
     * @param strip      the sample strip (shows the loaded samples until an epoch's predictions arrive)
     * @param epochShown true once the dashboard shows an epoch's predictions
     */
    DataPanel(TrainingViewModel vm, AppServices app, SampleStrip strip, BooleanSupplier epochShown) {
        this.vm = vm;
        this.app = app;
        this.strip = strip;
        this.epochShown = epochShown;
    }

    Node build() {
        dataChoice.getItems().setAll(DataChoice.values());
        dataChoice.setValue(DataChoice.SAMPLE);
        dataChoice.setId("train-data-choice");
        dataChoice.setMaxWidth(Double.MAX_VALUE);
        folderField.setId("train-data-folder");
        folderField.setPromptText("Folder");
        folderField.setOnAction(e -> loadChosen());
        Button browse = new Button("", new FontIcon(MaterialDesignF.FOLDER_OPEN));
        browse.setId("train-data-browse");
        browse.setTooltip(new Tooltip("Choose the folder"));
        browse.setOnAction(e -> browse());
        Button load = new Button("Load");
        load.setId("train-data-load");
        load.setOnAction(e -> loadChosen());
        HBox.setHgrow(folderField, Priority.ALWAYS);
        HBox folderRow = new HBox(6, folderField, browse, load);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        folderRow.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> dataChoice.getValue() != null && dataChoice.getValue().needsFolder(), dataChoice.valueProperty()));
        folderRow.managedProperty().bind(folderRow.visibleProperty());
        dataChoice.setOnAction(e -> {
            DataChoice c = dataChoice.getValue();
            if (!reverting && c != null && !c.needsFolder()) {
                loadChosen();
            }
        });
        dataSummary.setId("train-data-summary");
        dataSummary.setWrapText(true);
        dataSummary.getStyleClass().add(Css.TEXT_MUTED);
        dataErrorLabel.setId("train-data-error");
        dataErrorLabel.setWrapText(true);
        dataErrorLabel.getStyleClass().add("status-error");
        dataErrorLabel.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        dataErrorLabel.managedProperty().bind(dataErrorLabel.visibleProperty());
        dataErrorLabel.setVisible(false);
        // the error is one sentence with a remedy; the full message is folded away
        dataErrorMore.setId("train-data-error-more");
        dataErrorMore.getStyleClass().add(Css.TEXT_SMALL);
        dataErrorMore.managedProperty().bind(dataErrorMore.visibleProperty());
        dataErrorMore.setVisible(false);
        dataErrorDetails.setId("train-data-error-details");
        dataErrorDetails.setWrapText(true);
        dataErrorDetails.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        dataErrorDetails.managedProperty().bind(dataErrorDetails.visibleProperty());
        dataErrorDetails.setVisible(false);
        dataErrorMore.setOnAction(e -> {
            dataErrorDetails.setVisible(!dataErrorDetails.isVisible());
            dataErrorMore.setText(dataErrorDetails.isVisible() ? "Hide details" : "Details");
            dataErrorMore.setVisited(false);
        });
        VBox data = new VBox(8, TrainPanels.sectionTitle("DATA SET"), dataChoice, folderRow, dataSummary, dataErrorLabel,
                dataErrorMore, dataErrorDetails);
        data.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.getState().isActive(), vm.stateProperty()));
        vm.dataProperty().addListener((o, a, d) -> show());
        vm.dataLoadingProperty().addListener((o, a, d) -> show());
        vm.dataErrorProperty().addListener((o, a, d) -> show());
        built = true;
        show();
        return data;
    }

    void show() {
        if (!built) {
            return;
        }
        LoadedData d = vm.dataProperty().get();
        if (vm.dataLoadingProperty().get()) {
            dataSummary.setText("Loading…");
        } else if (d != null) {
            dataSummary.setText(d.summary() + (d.warnings().isEmpty() ? "" : "\n" + String.join("\n", d.warnings())));
        } else {
            dataSummary.setText("Not loaded");
        }
        // the chooser shows the data set in use: a failed load leaves the form as it was
        if (d != null && !vm.dataLoadingProperty().get()) {
            DataChoice c = DataChoice.of(d.spec());
            if (dataChoice.getValue() != c && !vm.dataErrorProperty().get().isEmpty()) {
                reverting = true;
                try {
                    dataChoice.setValue(c);
                } finally {
                    reverting = false;
                }
            }
            if (c.needsFolder() && folderField.getText().isBlank()) {
                folderField.setText(d.spec().dir().toString());
            }
        }
        ErrorSummary err = ErrorSummary.ofDataError(vm.dataErrorProperty().get());
        dataErrorLabel.setText(err.headline());
        dataErrorLabel.setVisible(!err.headline().isEmpty());
        if (!err.details().equals(dataErrorDetails.getText())) {
            dataErrorDetails.setText(err.details());
            dataErrorDetails.setVisible(false);
            dataErrorMore.setText("Details");
        }
        dataErrorMore.setVisible(!err.details().isEmpty());
        if (d != null && strip.tileCount() == 0 || (d != null && !epochShown.getAsBoolean())) {
            strip.setSamples(d.samples());
        }
    }

    private void loadChosen() {
        DataChoice c = dataChoice.getValue();
        if (c == null) {
            return;
        }
        if (c.needsFolder() && folderField.getText().isBlank()) {
            folderField.requestFocus();
            return;
        }
        vm.loadData(c.spec(folderField.getText().strip()));
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(dataChoice.getValue() == DataChoice.FOLDER ? "Folder with one sub-folder per class"
                : "Folder with MNIST-format IDX files");
        File f = chooser.showDialog(app.window());
        if (f != null) {
            folderField.setText(f.getAbsolutePath());
            loadChosen();
        }
    }
}
