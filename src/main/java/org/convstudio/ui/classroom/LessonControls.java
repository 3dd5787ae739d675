package org.convstudio.ui.classroom;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.lesson.KernelsLesson;

/** The controls of each lesson (the "main control" a teacher plays with), bound to the view-model. */
final class LessonControls {

    private static final String CUSTOM = "Your kernel";

    private LessonControls() {
    }

    static Node forLesson(String id, ClassroomViewModel vm) {
        return forLesson(id, vm, javafx.collections.FXCollections.observableArrayList(), null);
    }

    /**
     * @param sources    the networks the network lessons can look into
     * @param openPreset opens a preset in the designer (null: no designer)
     */
    static Node forLesson(String id, ClassroomViewModel vm, ObservableList<LessonNetwork.Source> sources,
                          Consumer<String> openPreset) {
        VBox box = new VBox(8);
        box.setPadding(new Insets(12));
        box.setId("classroom-controls");
        box.getStyleClass().add("classroom-controls");
        LessonSettings s = vm.settingsProperty().get();
        switch (id) {
            case "parameter-explosion" -> {
                Spinner<Integer> side = intSpinner("lesson-image-side", 8, 2000, s.imageSide(), 8);
                Spinner<Integer> hidden = intSpinner("lesson-hidden-units", 1, 100_000, s.hiddenUnits(), 100);
                Runnable apply = () -> vm.settingsProperty().set(vm.settingsProperty().get().withImage(side.getValue(), hidden.getValue()));
                side.valueProperty().addListener((o, a, b) -> apply.run());
                hidden.valueProperty().addListener((o, a, b) -> apply.run());
                box.getChildren().addAll(new Label("Image side (pixels)"), side, new Label("Hidden units"), hidden);
            }
            case "locality" -> {
                Spinner<Integer> shift = intSpinner("lesson-shift", 1, 10, s.shift(), 1);
                shift.valueProperty().addListener((o, a, b) -> vm.settingsProperty().set(vm.settingsProperty().get().withShift(b)));
                box.getChildren().addAll(new Label("Move the digit left by (pixels)"), shift);
                LiveControls.training(box, vm, 3);
            }
            case "backprop" -> {
                Spinner<Double> x1 = doubleSpinner("lesson-x1", -10, 10, s.x1(), 0.5);
                Spinner<Double> x2 = doubleSpinner("lesson-x2", -10, 10, s.x2(), 0.5);
                Spinner<Double> target = doubleSpinner("lesson-target", 0, 1, s.target(), 1);
                Spinner<Double> rate = doubleSpinner("lesson-rate", 0.01, 10, s.rate(), 0.1);
                Runnable apply = () -> vm.settingsProperty().set(vm.settingsProperty().get()
                        .withBackprop(x1.getValue(), x2.getValue(), target.getValue(), rate.getValue()));
                for (Spinner<Double> sp : List.of(x1, x2, target, rate)) {
                    sp.valueProperty().addListener((o, a, b) -> apply.run());
                }
                box.getChildren().addAll(new Label("Input x1"), x1, new Label("Input x2"), x2, new Label("Target y"), target,
                        new Label("Learning rate α"), rate);
            }
            case "convolution" -> {
                Spinner<Integer> stride = intSpinner("lesson-stride", 1, 4, s.stride(), 1);
                Spinner<Integer> pad = intSpinner("lesson-padding", 0, 3, s.padding(), 1);
                Spinner<Integer> dil = intSpinner("lesson-dilation", 1, 3, s.dilation(), 1);
                CheckBox flip = new CheckBox("True convolution (flip the kernel)");
                flip.setId("lesson-flip");
                flip.setSelected(s.flip());
                Runnable apply = () -> vm.settingsProperty().set(vm.settingsProperty().get()
                        .withConvolution(stride.getValue(), pad.getValue(), dil.getValue(), flip.isSelected()));
                stride.valueProperty().addListener((o, a, b) -> apply.run());
                pad.valueProperty().addListener((o, a, b) -> apply.run());
                dil.valueProperty().addListener((o, a, b) -> apply.run());
                flip.selectedProperty().addListener((o, a, b) -> apply.run());
                Label strideLabel = new Label("Stride S");
                Label padLabel = new Label("Padding P");
                Label dilLabel = new Label("Dilation D");
                LiveControls.network(box, vm, sources);
                LiveControls.convolution(box, vm, List.of(strideLabel, stride, padLabel, pad, dilLabel, dil));
                box.getChildren().addAll(strideLabel, stride, padLabel, pad, dilLabel, dil, flip);
            }
            case "kernels" -> {
                ComboBox<String> kernel = new ComboBox<>();
                kernel.setId("lesson-kernel");
                KernelsLesson.KERNELS.forEach(k -> kernel.getItems().add(k.name()));
                if (!s.customKernel().isEmpty()) {
                    kernel.getItems().add(CUSTOM);
                }
                kernel.getItems().add("Gradient magnitude");
                kernel.getSelectionModel().select(Math.min(vm.stepProperty().get(), kernel.getItems().size() - 1));
                kernel.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
                    if (b.intValue() >= 0) {
                        vm.stepProperty().set(b.intValue());
                    }
                });
                LiveControls.listen(box, vm.stepProperty(), (o, a, b) -> kernel.getSelectionModel().select(b.intValue()));
                TextField custom = new TextField(s.customKernel());
                custom.setId("lesson-custom-kernel");
                custom.setPromptText("0 -1 0; -1 5 -1; 0 -1 0");
                custom.setOnAction(e -> {
                    boolean typed = !custom.getText().isBlank();
                    int at = KernelsLesson.KERNELS.size();
                    if (typed && !kernel.getItems().contains(CUSTOM)) {
                        kernel.getItems().add(at, CUSTOM);
                    } else if (!typed) {
                        kernel.getItems().remove(CUSTOM);
                    }
                    vm.settingsProperty().set(vm.settingsProperty().get().withCustomKernel(custom.getText()));
                    vm.stepProperty().set(typed ? at : 0);
                });
                Label customLabel = new Label("Your kernel (rows split by ;), Enter to apply");
                customLabel.setWrapText(true);
                Runnable learned = () -> {
                    var f = vm.liveProperty().get().network().filters();
                    List<String> now = kernel.getItems().stream().filter(t -> t.startsWith("Learned:")).toList();
                    List<String> wanted = f == null ? List.of() : KernelsLesson.learnedTitles(f);
                    if (!now.equals(wanted)) { // the same titles (a run's next round): the step stays where it is
                        int step = vm.stepProperty().get();
                        kernel.getItems().removeIf(t -> t.startsWith("Learned:"));
                        kernel.getItems().addAll(wanted);
                        if (step < kernel.getItems().size()) {
                            vm.stepProperty().set(step);
                        }
                    }
                    if (kernel.getSelectionModel().getSelectedIndex() != vm.stepProperty().get()
                            && vm.stepProperty().get() < kernel.getItems().size()) {
                        kernel.getSelectionModel().select(vm.stepProperty().get());
                    }
                };
                learned.run();
                LiveControls.listen(box, vm.liveProperty(), (o, a, b) -> learned.run());
                box.getChildren().addAll(new Label("Kernel"), kernel, customLabel, custom);
                PictureControls.add(box, vm);
                LiveControls.network(box, vm, sources);
            }
            case "receptive-field" -> {
                Spinner<Integer> layers = intSpinner("lesson-layers", 1, 8, s.layers(), 1);
                layers.valueProperty().addListener((o, a, b) -> vm.settingsProperty().set(vm.settingsProperty().get().withLayers(b)));
                box.getChildren().addAll(new Label("Stacked 3×3 layers"), layers);
                LiveControls.network(box, vm, sources);
                LiveControls.field(box, vm);
            }
            case "overfitting" -> LiveControls.training(box, vm, 3);
            case "case-studies" -> LiveControls.caseStudies(box, vm, openPreset);
            default -> box.getChildren().add(new Label("Use the step buttons or the arrow keys."));
        }
        Label hint = new Label("← → steps · F5 present · Ctrl+E export PNG");
        hint.getStyleClass().add("classroom-hint");
        hint.setWrapText(true);
        box.getChildren().add(hint);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    static Spinner<Integer> intSpinner(String id, int min, int max, int value, int step) {
        Spinner<Integer> sp = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value, step));
        sp.setId(id);
        sp.setEditable(true);
        sp.setMaxWidth(Double.MAX_VALUE);
        return sp;
    }

    static Spinner<Double> doubleSpinner(String id, double min, double max, double value, double step) {
        Spinner<Double> sp = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        sp.setId(id);
        sp.setEditable(true);
        sp.setMaxWidth(Double.MAX_VALUE);
        return sp;
    }
}
