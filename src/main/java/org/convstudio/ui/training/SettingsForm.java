package org.convstudio.ui.training;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.engine.run.NamedOptimizer;
import org.convstudio.engine.run.NamedSchedule;
import org.convstudio.ui.common.Css;

/**
 * The hyperparameter form of the Train workspace. Every change is parsed ({@link FormSettings}) into the
 * view-model's configuration, or into the form's error message.
 */
final class SettingsForm {

    private final TrainingViewModel vm;
    private final ComboBox<NamedOptimizer> optimizer = new ComboBox<>();
    private final TextField learningRate = new TextField("0.001");
    private final ComboBox<NamedSchedule> schedule = new ComboBox<>();
    private final Spinner<Integer> batch = new Spinner<>(1, 4096, 64, 16);
    private final Spinner<Integer> epochs = new Spinner<>(1, 1000, 5, 1);
    private final TextField seed = new TextField("42");
    private final ComboBox<DeviceOption> deviceChoice = new ComboBox<>();
    private boolean noGpu;
    private final Label deviceNote = new Label();
    private final Label formErrorLabel = new Label();
    private final CheckBox augment = new CheckBox("±2 px shift, ±12°");
    private final CheckBox tensorBoard = new CheckBox("Write event files");
    private final Label trainableShare = new Label();

    SettingsForm(TrainingViewModel vm) {
        this.vm = vm;
    }

    /** The epochs field (Continue +N uses it). */
    Spinner<Integer> epochs() {
        return epochs;
    }

    /** True when a GPU is chosen. */
    boolean gpuChosen() {
        return deviceChoice.getValue() == DeviceOption.GPU;
    }

    /** Says that no GPU was found (the engine probe). */
    void noGpuFound() {
        noGpu = true;
        DeviceOption chosen = deviceChoice.getValue();
        deviceChoice.getItems().setAll(DeviceOption.values()); // redraws the labels
        deviceChoice.setValue(chosen);
    }

    /** The Device box's words for an option ("GPU (none found: uses the CPU)" once the probe found none). */
    private String deviceLabel(DeviceOption o) {
        if (o == null) {
            return "";
        }
        if (noGpu && o == DeviceOption.GPU) {
            return "GPU (none found: uses the CPU)";
        }
        return o == DeviceOption.AUTO ? (noGpu ? "Auto (no GPU: CPU)" : "Auto (GPU if any)") : o.label();
    }

    /** Shows that the run fell back to the CPU. */
    void showCpuFallback() {
        deviceNote.setText("No usable GPU: this run trains on the CPU.");
        deviceNote.setVisible(true);
    }

    Node build() {
        optimizer.getItems().setAll(NamedOptimizer.values());
        optimizer.setValue(NamedOptimizer.ADAM);
        optimizer.setId("train-optimizer");
        learningRate.setId("train-lr");
        schedule.getItems().setAll(NamedSchedule.values());
        schedule.setValue(NamedSchedule.CONSTANT);
        schedule.setId("train-schedule");
        batch.setId("train-batch");
        batch.setEditable(true);
        epochs.setId("train-epochs");
        epochs.setEditable(true);
        seed.setId("train-seed");
        deviceChoice.getItems().setAll(DeviceOption.values());
        deviceChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeviceOption o) {
                return deviceLabel(o);
            }

            @Override
            public DeviceOption fromString(String s) {
                return DeviceOption.ofKey(s);
            }
        });
        deviceChoice.valueProperty().bindBidirectional(vm.deviceOptionProperty()); // one value with Settings
        deviceChoice.setId("train-device");
        deviceNote.setId("train-device-note");
        deviceNote.setWrapText(true);
        deviceNote.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        deviceNote.managedProperty().bind(deviceNote.visibleProperty());
        deviceNote.setVisible(false);
        formErrorLabel.setId("train-form-error");
        formErrorLabel.setWrapText(true);
        formErrorLabel.getStyleClass().add("status-error");
        formErrorLabel.managedProperty().bind(formErrorLabel.visibleProperty());
        formErrorLabel.setVisible(false);
        for (var c : List.of(optimizer, learningRate, schedule, batch, epochs, seed, deviceChoice)) {
            ((Region) c).setMaxWidth(Double.MAX_VALUE);
        }
        optimizer.valueProperty().addListener((o, a, b) -> update());
        learningRate.textProperty().addListener((o, a, b) -> update());
        schedule.valueProperty().addListener((o, a, b) -> update());
        batch.valueProperty().addListener((o, a, b) -> update());
        epochs.valueProperty().addListener((o, a, b) -> update());
        seed.textProperty().addListener((o, a, b) -> update());
        deviceChoice.valueProperty().addListener((o, a, b) -> update());
        augment.setId("train-augment");
        augment.setWrapText(true);
        augment.setTooltip(new Tooltip(
                "Each training batch is shifted by up to 2 pixels and rotated by up to 12 degrees at random:"
                        + " the network sees a slightly different digit every epoch and overfits less."));
        augment.selectedProperty().addListener((o, a, b) -> update());
        tensorBoard.setId("train-tensorboard");
        tensorBoard.setWrapText(true);
        tensorBoard.setTooltip(new Tooltip("Also writes loss, accuracy and learning rate per epoch as TensorBoard event files"
                + " into the run folder's tensorboard folder: tensorboard --logdir <runs folder>"));
        tensorBoard.selectedProperty().bindBidirectional(vm.tensorBoardProperty());
        trainableShare.setId("train-trainable-share");
        trainableShare.setWrapText(true);
        trainableShare.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        trainableShare.textProperty().bind(Bindings.createStringBinding(() -> vm.analysisProperty().get() == null ? ""
                : org.convstudio.model.analysis.TrainableCount.of(vm.analysisProperty().get()).sentence(), vm.analysisProperty()));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int r = 0;
        form.addRow(r++, TrainPanels.formLabel("Optimiser"), optimizer);
        form.addRow(r++, TrainPanels.formLabel("Learning rate"), learningRate);
        form.addRow(r++, TrainPanels.formLabel("Schedule"), schedule);
        form.addRow(r++, TrainPanels.formLabel("Batch size"), batch);
        form.addRow(r++, TrainPanels.formLabel("Epochs"), epochs);
        form.addRow(r++, TrainPanels.formLabel("Seed"), seed);
        form.addRow(r++, TrainPanels.formLabel("Device"), deviceChoice);
        form.addRow(r++, TrainPanels.formLabel("Augment"), augment);
        form.addRow(r++, TrainPanels.formLabel("TensorBoard"), tensorBoard);
        form.add(deviceNote, 0, r++, 2, 1);
        form.add(formErrorLabel, 0, r, 2, 1);
        form.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.getState().isActive(), vm.stateProperty()));
        update();
        return new VBox(8, TrainPanels.sectionTitle("HYPERPARAMETERS"), form, trainableShare);
    }

    private void update() {
        try {
            vm.configProperty().set(new FormSettings(optimizer.getValue(), learningRate.getText(), schedule.getValue(),
                    batch.getValue(), epochs.getValue(), seed.getText(), deviceChoice.getValue(), augment.isSelected()).toConfig());
            vm.setFormError("");
            formErrorLabel.setVisible(false);
        } catch (IllegalArgumentException e) {
            vm.setFormError(e.getMessage());
            formErrorLabel.setText(e.getMessage());
            formErrorLabel.setVisible(true);
        }
        boolean gpu = gpuChosen();
        deviceNote.setText(gpu ? "Without a usable GPU the run falls back to the CPU and says so." : "");
        deviceNote.setVisible(gpu);
    }
}
