package org.convstudio.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.lesson.CaseStudiesLesson;
import org.convstudio.engine.lesson.NetworkLessons;
import org.convstudio.model.graph.Network;

/**
 * The controls of the lessons' live parts: Train / Stop for the lessons that train, the network (current
 * design or a saved run) and its layer for the lessons that look into one, and "Open in the designer" for
 * the case studies.
 */
final class LiveControls {

    static final String TOY = "Toy 7×7 input";
    static final String DEEPEST = "Deepest feature map";

    private LiveControls() {
    }

    private static final String DISPOSE = "classroom-dispose";

    /**
     * Adds {@code l} to the view-model's {@code v} until the controls in {@code box} are replaced
     * ({@link #dispose}), so that the controls of a lesson left behind stop reacting.
     */
    static <T> void listen(VBox box, javafx.beans.value.ObservableValue<T> v, javafx.beans.value.ChangeListener<? super T> l) {
        v.addListener(l);
        @SuppressWarnings("unchecked")
        List<Runnable> d = (List<Runnable>) box.getProperties().computeIfAbsent(DISPOSE, k -> new ArrayList<Runnable>());
        d.add(() -> v.removeListener(l));
    }

    /** Removes the listeners the controls in {@code controls} (a lesson's whole control node) added. */
    static void dispose(Node controls) {
        Node n = controls instanceof javafx.scene.control.ScrollPane sp ? sp.getContent() : controls;
        if (n != null && n.getProperties().get(DISPOSE) instanceof List<?> d) {
            d.forEach(r -> ((Runnable) r).run());
            d.clear();
        }
    }

    /** Train and Stop, and the runs' status. */
    static void training(VBox box, ClassroomViewModel vm, int trainingStep) {
        Button train = new Button("Train");
        train.setId("lesson-train");
        train.setMaxWidth(Double.MAX_VALUE);
        Button stop = new Button("Stop");
        stop.setId("lesson-stop");
        stop.setMaxWidth(Double.MAX_VALUE);
        stop.disableProperty().bind(vm.trainingProperty().not());
        train.setOnAction(e -> {
            vm.train();
            vm.stepProperty().set(trainingStep);
        });
        stop.setOnAction(e -> vm.stopTraining());
        Label status = new Label();
        status.setId("lesson-train-status");
        status.setWrapText(true);
        Runnable show = () -> {
            var c = vm.liveProperty().get().curves(vm.lessonIdProperty().get());
            status.setText(c == null ? "Short runs on the bundled sample, one after the other." : c.status());
        };
        listen(box, vm.liveProperty(), (o, a, b) -> show.run());
        show.run();
        HBox buttons = new HBox(8, train, stop);
        box.getChildren().addAll(new Label("Training comparison"), buttons, status);
    }

    /** The network the lesson looks into, from {@code sources}. */
    static void network(VBox box, ClassroomViewModel vm, ObservableList<LessonNetwork.Source> sources) {
        ComboBox<LessonNetwork.Source> pick = new ComboBox<>(sources);
        pick.setId("lesson-network");
        pick.setMaxWidth(Double.MAX_VALUE);
        pick.setPromptText("No network");
        pick.setValue(vm.choiceProperty().get().source());
        pick.valueProperty().addListener((o, a, s) -> {
            if (s != null && !s.equals(vm.choiceProperty().get().source())) {
                vm.choiceProperty().set(vm.choiceProperty().get().withSource(s));
            }
        });
        listen(box, vm.choiceProperty(), (o, a, c) -> {
            if (c.source() != null && !c.source().equals(pick.getValue())) {
                pick.setValue(c.source());
            }
        });
        Label status = new Label();
        status.setId("lesson-network-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.networkStatusProperty());
        box.getChildren().addAll(wrapped("Network (the run training now, the current design or a saved run)"), pick, status);
    }

    private static List<String> layers(ClassroomViewModel vm, boolean convolutions) {
        LessonNetwork.Source s = vm.choiceProperty().get().source();
        Network n = s == null ? null : s.design();
        if (n == null) {
            return List.of();
        }
        try {
            return convolutions ? NetworkLessons.convolutions(n) : NetworkLessons.spatialLayers(n);
        } catch (RuntimeException e) {
            return List.of(); // an invalid design: the lessons keep their own examples
        }
    }

    /** The convolution walked through (or the toy input), its filter and input channel. */
    static void convolution(VBox box, ClassroomViewModel vm, List<Node> toyOnly) {
        ComboBox<String> layer = new ComboBox<>();
        layer.setId("lesson-layer");
        layer.setMaxWidth(Double.MAX_VALUE);
        Spinner<Integer> filter = LessonControls.intSpinner("lesson-filter", 0, 4095, vm.choiceProperty().get().filter(), 1);
        Spinner<Integer> channel = LessonControls.intSpinner("lesson-channel", 0, 4095, vm.choiceProperty().get().channel(), 1);
        Runnable fill = () -> {
            List<String> items = new ArrayList<>();
            items.add(TOY);
            items.addAll(layers(vm, true));
            layer.getItems().setAll(items);
            String chosen = vm.choiceProperty().get().convLayer();
            layer.setValue(items.contains(chosen) ? chosen : TOY);
        };
        fill.run();
        Consumer<String> apply = l -> vm.choiceProperty().set(vm.choiceProperty().get().withConv(
                l == null || TOY.equals(l) ? "" : l, filter.getValue(), channel.getValue()));
        layer.valueProperty().addListener((o, a, l) -> apply.accept(l));
        filter.valueProperty().addListener((o, a, b) -> apply.accept(layer.getValue()));
        channel.valueProperty().addListener((o, a, b) -> apply.accept(layer.getValue()));
        listen(box, vm.choiceProperty(), (o, a, c) -> {
            if (a == null || c.source() != a.source()) {
                fill.run();
            }
        });
        Runnable enable = () -> {
            boolean toy = layer.getValue() == null || TOY.equals(layer.getValue());
            filter.setDisable(toy);
            channel.setDisable(toy);
            toyOnly.forEach(n -> {
                n.setVisible(toy); // a real layer has its own stride, padding and dilation (in the formula)
                n.setManaged(toy);
            });
        };
        layer.valueProperty().addListener((o, a, b) -> enable.run());
        enable.run();
        box.getChildren().addAll(new Label("Convolution"), layer, new Label("Filter (output channel)"), filter,
                new Label("Input channel"), channel);
    }

    /** The block whose unit's effective field is shown, and the unit: its centre or one the teacher picks. */
    static void field(VBox box, ClassroomViewModel vm) {
        ComboBox<String> layer = new ComboBox<>();
        layer.setId("lesson-field-layer");
        layer.setMaxWidth(Double.MAX_VALUE);
        CheckBox centre = new CheckBox("Its centre unit");
        centre.setId("lesson-field-centre");
        Spinner<Integer> row = LessonControls.intSpinner("lesson-field-row", 0, 4095, 0, 1);
        Spinner<Integer> col = LessonControls.intSpinner("lesson-field-col", 0, 4095, 0, 1);
        Label size = new Label();
        size.setWrapText(true);
        boolean[] filling = {false};
        Runnable fill = () -> {
            filling[0] = true;
            List<String> items = new ArrayList<>();
            items.add(DEEPEST);
            items.addAll(layers(vm, false));
            layer.getItems().setAll(items);
            LessonNetwork.Choice c = vm.choiceProperty().get();
            layer.setValue(items.contains(c.fieldLayer()) ? c.fieldLayer() : DEEPEST);
            int[] hw = outputSize(vm, items.size() > 1 && !DEEPEST.equals(layer.getValue()) ? layer.getValue()
                    : items.size() > 1 ? items.get(items.size() - 1) : null);
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) row.getValueFactory()).setMax(Math.max(0, hw[0] - 1));
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) col.getValueFactory()).setMax(Math.max(0, hw[1] - 1));
            boolean atCentre = c.unitRow() < 0 || c.unitCol() < 0;
            centre.setSelected(atCentre);
            row.getValueFactory().setValue(atCentre ? (hw[0] - 1) / 2 : Math.min(c.unitRow(), hw[0] - 1));
            col.getValueFactory().setValue(atCentre ? (hw[1] - 1) / 2 : Math.min(c.unitCol(), hw[1] - 1));
            row.setDisable(atCentre);
            col.setDisable(atCentre);
            size.setText(hw[0] > 0 ? "Its output is " + hw[0] + "×" + hw[1] + " units." : "");
            filling[0] = false;
        };
        fill.run();
        layer.valueProperty().addListener((o, a, l) -> {
            if (!filling[0]) {
                vm.choiceProperty().set(vm.choiceProperty().get().withField(l == null || DEEPEST.equals(l) ? "" : l));
            }
        });
        Runnable unit = () -> {
            row.setDisable(centre.isSelected());
            col.setDisable(centre.isSelected());
            if (!filling[0]) {
                vm.choiceProperty().set(centre.isSelected() ? vm.choiceProperty().get().withUnit(-1, -1)
                        : vm.choiceProperty().get().withUnit(row.getValue(), col.getValue()));
            }
        };
        centre.selectedProperty().addListener((o, a, b) -> unit.run());
        row.valueProperty().addListener((o, a, b) -> unit.run());
        col.valueProperty().addListener((o, a, b) -> unit.run());
        listen(box, vm.choiceProperty(), (o, a, c) -> {
            if (a == null || c.source() != a.source() || !c.fieldLayer().equals(a.fieldLayer())
                    || (c.unitRow() < 0) != centre.isSelected()) {
                fill.run();
            }
        });
        box.getChildren().addAll(wrapped("Effective field of a unit of"), layer, centre, size,
                new HBox(6, new VBox(2, new Label("Row"), row), new VBox(2, new Label("Column"), col)));
    }

    /** Height and width of {@code node}'s output in the chosen network ({0, 0} when unknown). */
    private static int[] outputSize(ClassroomViewModel vm, String node) {
        LessonNetwork.Source s = vm.choiceProperty().get().source();
        if (s == null || s.design() == null || node == null) {
            return new int[] {0, 0};
        }
        try {
            var info = org.convstudio.model.analysis.NetworkAnalyzer.analyze(s.design()).info(node).orElse(null);
            return info == null ? new int[] {0, 0} : new int[] {info.output().height(), info.output().width()};
        } catch (RuntimeException e) {
            return new int[] {0, 0};
        }
    }

    static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    /** "Open in the designer" for the preset of the step shown. */
    static void caseStudies(VBox box, ClassroomViewModel vm, Consumer<String> openPreset) {
        Button open = new Button();
        open.setId("lesson-open-preset");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setWrapText(true);
        Runnable label = () -> open.setText("Open " + preset(vm) + " in the designer");
        listen(box, vm.stepProperty(), (o, a, b) -> label.run());
        label.run();
        open.setOnAction(e -> openPreset.accept(preset(vm)));
        open.setDisable(openPreset == null);
        box.getChildren().addAll(open, new Label("The designer shows its blocks and every count."));
    }

    static String preset(ClassroomViewModel vm) {
        List<String> p = CaseStudiesLesson.STEP_PRESETS;
        return p.get(Math.max(0, Math.min(p.size() - 1, vm.stepProperty().get())));
    }
}
