package org.convstudio.ui.inspect;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.image.ColorMap;
import org.convstudio.analysis.image.MapGrid;
import org.convstudio.analysis.image.Range;
import org.convstudio.engine.probe.Activations;
import org.convstudio.engine.probe.FloatTensor;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.inspect.InspectSnapshots.Sample;

/** Every layer's feature maps for the selected sample, as grids; click a map to enlarge it. */
final class FeatureMapsPane extends BorderPane {

    /** The newest show() request; older renders are dropped. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** The layers in reading order, as many side by side as the width holds (a wide screen shows more at once). */
    private final javafx.scene.layout.FlowPane layers = new javafx.scene.layout.FlowPane(18, 10);
    private final ImageView enlarged = Fx.view("inspect-enlarged");
    private final Label enlargedCaption = new Label("Click a feature map to enlarge it.");
    private final ChoiceBox<Range.Mode> mode = new ChoiceBox<>();
    private final Label live = new Label();
    private final InspectViewModel vm;
    private Sample shown;
    private String selectedLayer;
    private int selectedChannel = -1;

    FeatureMapsPane(InspectViewModel vm, AppServices services) {
        this.vm = vm;
        setId("inspect-feature-maps");
        live.setId("inspect-maps-live");
        live.getStyleClass().add(org.convstudio.ui.common.Css.TEXT_BOLD);
        mode.getItems().addAll(Range.Mode.values());
        mode.setValue(Range.Mode.PER_MAP);
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Range.Mode m) {
                return m == Range.Mode.PER_MAP ? "Colour per map" : "Colour per layer";
            }

            @Override
            public Range.Mode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().addListener((o, a, b) -> show(shown));
        ScrollPane scroll = new ScrollPane(layers);
        scroll.setFitToWidth(true);
        layers.setPadding(new Insets(8));
        layers.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        layers.setRowValignment(javafx.geometry.VPos.TOP);
        enlargedCaption.setWrapText(true);
        VBox side = new VBox(8, enlargedCaption, enlarged,
                Fx.muted("Bright = strong response. Per map: each map uses its own range; per layer: one range, so maps compare."));
        side.setPadding(new Insets(8));
        side.setPrefWidth(320);
        HBox bar = new HBox(8, new Label("Normalise"), mode, Fx.exportButton(services, layers, "feature-maps.png"), live);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(scroll);
        setRight(side);
        vm.sampleProperty().addListener((o, a, s) -> show(s));
    }

    private void show(Sample s) {
        shown = s;
        InspectSnapshots.Live l = vm.liveProperty().get();
        // says which probe round of the followed run these maps are (empty for a saved model)
        live.setText(l != null && s != null && l.sample() == s ? "Live: " + l.title() + " · " + l.when() : "");
        if (s == null) {
            generation.incrementAndGet(); // drops a render under way
            layers.getChildren().clear();
            return;
        }
        Activations acts = s.activations(); // an immutable snapshot: safe to read on the render thread
        Range.Mode m = mode.getValue();
        Fx.render(generation, () -> MapGrids.draw(acts, null, m, 72), grids -> install(grids, s));
    }

    /** Puts drawn grids on screen (FX thread). */
    private void install(List<MapGrids.Grid> grids, Sample s) {
        List<javafx.scene.Node> cards = new ArrayList<>();
        for (MapGrids.Grid g : grids) {
            ImageView iv = Fx.view("inspect-maps-" + g.id());
            iv.setImage(g.image());
            iv.setOnMouseClicked(e -> {
                int tile = MapGrid.tileAt((int) e.getX(), (int) e.getY(), g.maps(), g.h(), g.w(), g.scale(), MapGrids.GAP, g.cols());
                if (tile >= 0) {
                    enlarge(g.id(), tile);
                }
            });
            Label caption = new Label(g.caption());
            caption.getStyleClass().add("card-title");
            cards.add(new VBox(4, caption, iv));
        }
        layers.getChildren().setAll(cards);
        if (selectedLayer != null && s.activations().nodes().containsKey(selectedLayer)) {
            enlarge(selectedLayer, selectedChannel);
        }
    }

    void enlarge(String id, int channel) {
        if (shown == null) {
            return;
        }
        FloatTensor t = shown.activations().node(id);
        if (channel < 0 || channel >= t.channels()) {
            return;
        }
        selectedLayer = id;
        selectedChannel = channel;
        float[] plane = t.plane(0, channel);
        Range r = mode.getValue() == Range.Mode.PER_MAP ? Range.of(plane) : Range.of(t.sample(0));
        enlarged.setImage(Fx.image(ColorMap.VIRIDIS.render(plane, t.width(), t.height(), r)
                .scaled(Math.max(1, 300 / Math.max(t.height(), t.width())))));
        enlargedCaption.setText(String.format(java.util.Locale.ROOT, "%s, map %d (%d×%d): %.3f to %.3f", id, channel,
                t.height(), t.width(), Range.of(plane).min(), Range.of(plane).max()));
    }
}
