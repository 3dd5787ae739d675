package org.convstudio.ui.inspect;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.image.ColorMap;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.image.Range;
import org.convstudio.analysis.image.ReceptiveFieldRect;
import org.convstudio.engine.probe.FloatTensor;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.inspect.InspectSnapshots.Field;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;

/**
 * Receptive fields: click a unit of a feature map and its theoretical field is outlined on the input (the
 * part in the zero padding drawn as padding), with the effective field (|d unit / d input|) beside it.
 */
final class FieldPane extends BorderPane {

    static final int MAP_SIZE = 280;

    private final InspectViewModel vm;
    private final ChoiceBox<String> layer = new ChoiceBox<>();
    private final Spinner<Integer> channel = new Spinner<>(0, 0, 0);
    private final CheckBox average = new CheckBox("Average over 16 images");
    private final ImageView map = Fx.view("inspect-field-map");
    private final ImageView input = Fx.view("inspect-field-input");
    private final ImageView erf = Fx.view("inspect-field-erf");
    private final Label facts = new Label("Click a unit of the feature map.");
    private final VBox sizes = new VBox(3);
    private int cell = 1;

    FieldPane(InspectViewModel vm, AppServices services) {
        this.vm = vm;
        setId("inspect-field");
        layer.setId("inspect-field-layer");
        channel.setId("inspect-field-channel");
        channel.setPrefWidth(80);
        layer.setMinWidth(90);
        facts.setId("inspect-field-facts");
        facts.setWrapText(true);
        facts.setMaxWidth(900);
        layer.valueProperty().addListener((o, a, b) -> {
            var l = vm.loaded();
            Sample s = vm.sampleProperty().get();
            if (b != null && s != null) {
                int c = s.activations().node(b).channels();
                channel.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, c - 1, 0));
            }
            drawMap();
        });
        channel.valueProperty().addListener((o, a, b) -> drawMap());
        vm.loadedProperty().addListener((o, a, l) -> {
            layer.getItems().setAll(l == null ? java.util.List.of() : l.layers());
            if (l != null && !l.convs().isEmpty()) {
                layer.setValue(l.convs().get(l.convs().size() - 1));
            }
            showSizes();
        });
        vm.sampleProperty().addListener((o, a, s) -> {
            if (layer.getValue() == null && !layer.getItems().isEmpty()) {
                layer.setValue(layer.getItems().get(0));
            }
            drawMap();
        });
        vm.fieldProperty().addListener((o, a, f) -> showField(f));
        map.setOnMouseClicked(e -> {
            String id = layer.getValue();
            if (id == null || cell <= 0) {
                return;
            }
            click((int) (e.getY() / cell), (int) (e.getX() / cell));
        });
        HBox bar = new HBox(8, new Label("Layer"), layer, new Label("Channel"), channel, average);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox left = new VBox(6, Fx.captioned("Feature map (click a unit)", map));
        HBox pictures = new HBox(12, left, Fx.captioned("Receptive field on the input", input),
                Fx.captioned("Effective receptive field", erf));
        VBox content = new VBox(10, pictures, facts, Fx.captioned("Receptive-field size per layer", sizes));
        content.setPadding(new Insets(8));
        bar.getChildren().add(Fx.exportButton(services, pictures, "receptive-field.png"));
        setTop(bar);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    /** Selects unit (y, x) of the shown layer and channel. */
    void click(int y, int x) {
        vm.selectUnit(layer.getValue(), channel.getValue(), y, x, average.isSelected() ? 16 : 1);
    }

    int cellSize() {
        return cell;
    }

    private void drawMap() {
        Sample s = vm.sampleProperty().get();
        String id = layer.getValue();
        if (s == null || id == null || !s.activations().nodes().containsKey(id)) {
            return;
        }
        FloatTensor t = s.activations().node(id);
        int c = Math.min(channel.getValue() == null ? 0 : channel.getValue(), t.channels() - 1);
        float[] plane = t.plane(0, c);
        cell = Math.max(1, MAP_SIZE / Math.max(t.height(), t.width()));
        map.setImage(Fx.image(ColorMap.VIRIDIS.render(plane, t.width(), t.height(), Range.of(plane)).scaled(cell)));
        int[] chw = vm.loaded().chw();
        float[] raw = s.raw();
        input.setImage(Fx.image(Pictures.input(raw, chw[0], chw[1], chw[2]).scaled(Pictures.scaleFor(chw[1], MAP_SIZE))));
    }

    private void showField(Field f) {
        if (f == null) {
            return;
        }
        int[] chw = vm.loaded().chw();
        float[] raw = vm.rawImage(f.sampleIndex());
        if (raw == null) {
            return;
        }
        int scale = Math.max(1, MAP_SIZE / (chw[1] + 2 * Pictures.padding(f.rect(), chw[1], chw[2])));
        input.setImage(Fx.image(Pictures.receptiveField(Pictures.input(raw, chw[0], chw[1], chw[2]), f.rect(), scale)));
        int es = Pictures.scaleFor(chw[1], MAP_SIZE);
        erf.setImage(Fx.image(ColorMap.HOT.render(f.erf(), chw[2], chw[1], Range.of(f.erf())).scaled(es)));
        ReceptiveFieldRect r = f.rect();
        facts.setText(String.format(Locale.ROOT,
                "%s unit (channel %d, row %d, column %d) sees input rows %d to %d and columns %d to %d: %d×%d pixels, "
                        + "%d pixels between neighbouring units%s%s. The effective field (right) shows how much each pixel "
                        + "actually moves this unit: usually a blob much smaller than the square.",
                r.node(), f.channel(), r.y(), r.x(), r.region().top(), r.region().bottom(), r.region().left(), r.region().right(),
                r.region().height(), r.region().width(), r.jump(),
                r.padding() ? "; part of it lies in the zero padding (dark frame)" : "",
                r.aligned() ? "" : "; merged paths have different strides, so this is their union"));
    }

    private void showSizes() {
        sizes.getChildren().clear();
        var l = vm.loaded();
        if (l == null) {
            return;
        }
        long max = 1;
        java.util.List<long[]> rows = new java.util.ArrayList<>();
        // sizes come from the model's analysis of the loaded design
        var analysis = vm.analysis();
        if (analysis == null) {
            return;
        }
        for (String id : l.layers()) {
            var info = analysis.info(id).orElseThrow();
            long size = info.receptiveField().height().size();
            max = Math.max(max, size);
            rows.add(new long[] {size, info.receptiveField().height().jump()});
        }
        for (int i = 0; i < rows.size(); i++) {
            Region bar = new Region();
            bar.setStyle("-fx-background-color: #2f81f7;");
            bar.setPrefSize(Math.max(2, 300.0 * rows.get(i)[0] / max), 10);
            bar.setMinHeight(10);
            Label name = new Label(l.layers().get(i));
            name.setMinWidth(90);
            sizes.getChildren().add(new FlowPane(8, 0, name, bar, new Label(rows.get(i)[0] + " px, jump " + rows.get(i)[1])));
        }
    }
}
