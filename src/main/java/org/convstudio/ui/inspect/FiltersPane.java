package org.convstudio.ui.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.image.Statistics;
import org.convstudio.engine.probe.LiveProbe;
import org.convstudio.engine.probe.TensorStats;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.LinePlot;
import org.convstudio.ui.inspect.InspectSnapshots.Filters;

/**
 * Each convolution's kernels as images (the first layer in colour for RGB input, deeper layers summed over
 * their input channels) and a histogram of every layer's weights (and gradients when there are any); while a
 * run is followed live, the update-to-weight ratio of each layer's weights over the steps (≈1e-3 is healthy).
 */
final class FiltersPane extends BorderPane {

    private final VBox rows = new VBox(12);
    private final Label caption = new Label();
    private final LinePlot ratios = new LinePlot();
    private final Map<String, LinePlot.Series> ratioSeries = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    FiltersPane(InspectViewModel vm, AppServices services) {
        setId("inspect-filters");
        rows.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        HBox bar = new HBox(8, Fx.muted("Blue: negative weights, red: positive. A layer whose histogram is a spike at 0 is dead; "
                + "one that spreads far beyond ±1 may be exploding."), Fx.exportButton(services, rows, "filters.png"));
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        caption.setId("inspect-filters-caption");
        caption.getStyleClass().add("card-title");
        ratios.setId("inspect-update-ratios");
        ratios.setLogY(true);
        ratios.setTitle("Update-to-weight ratio per step (rule of thumb ≈ 1e-3: far below, the layer barely learns; "
                + "far above, it may diverge)");
        ratios.setXLabel("step");
        ratios.setPrefSize(640, 220);
        ratios.setMinHeight(180);
        setTop(bar);
        setCenter(scroll);
        vm.filtersProperty().addListener((o, a, f) -> show(f));
    }

    private void show(Filters f) {
        if (f == null) {
            generation.incrementAndGet(); // drops a render under way
            rows.getChildren().clear();
            return;
        }
        // kernels and histograms are coloured on the render thread (a saved AlexNet has 60 M weights); the ratios'
        // chart takes its data here, as every chart does
        Fx.render(generation, () -> layerRows(f), drawn -> install(f, drawn));
    }

    /** One layer's row as drawn on the render thread: kernels (or null), histograms, statistics text. */
    private record Drawn(String node, List<Panel> panels) {
    }

    /** A captioned image with a line of statistics under it, or (image null) a caption with text only. */
    private record Panel(String id, String title, javafx.scene.image.Image image, String text) {
    }

    /** Draws every layer's row (render thread: reads only the immutable {@code f}). */
    private static List<Drawn> layerRows(Filters f) {
        Map<String, List<Panel>> byNode = new LinkedHashMap<>();
        for (WeightCopy w : f.weights()) {
            if (!w.trainable()) {
                continue;
            }
            List<Panel> row = byNode.computeIfAbsent(w.node(), n -> new ArrayList<>());
            if (w.name().equals("weight") && w.value().rank() == 4) {
                int[] s = w.value().shape();
                row.add(new Panel("inspect-kernels-" + w.node(), w.node() + " kernels · " + s[0] + " × " + s[1] + " × " + s[2]
                        + "×" + s[3], Fx.image(Pictures.kernels(w.value().values(), s[0], s[1], s[2], s[3], true,
                        // tiles of at most 60 px, smaller for layers of many filters (as the feature maps')
                        Math.max(3, Math.min(60, MapGrids.tilePixels(s[0])) / Math.max(s[2], s[3])))), null));
            }
            row.add(histogram(w.node() + " " + w.name(), w.value().values(), 0xFF2F81F7));
            if (w.gradient() != null && Statistics.of(w.gradient().values()).max() != 0) {
                row.add(histogram(w.node() + " " + w.name() + " gradient", w.gradient().values(), 0xFFF0883E));
            }
        }
        if (f.weights().isEmpty()) { // a live run too large to copy: statistics only
            for (LiveProbe.ParameterStats p : f.stats()) {
                byNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(new Panel(null, p.node() + " " + p.name(), null,
                        stats(p)));
            }
        }
        List<Drawn> out = new ArrayList<>();
        byNode.forEach((node, panels) -> out.add(new Drawn(node, panels)));
        return out;
    }

    /** Puts the drawn rows on screen under the caption and the ratios' chart (FX thread). */
    private void install(Filters f, List<Drawn> drawn) {
        rows.getChildren().clear();
        caption.setText(f.caption());
        rows.getChildren().add(caption);
        if (!f.ratios().isEmpty()) {
            syncRatios(f.ratios());
            rows.getChildren().add(ratios);
        } else {
            ratios.clearSeries();
            ratioSeries.clear();
        }
        for (Drawn d : drawn) {
            FlowPane row = new FlowPane(12, 8); // rows wrap: the pane never scrolls sideways
            row.setRowValignment(javafx.geometry.VPos.TOP);
            for (Panel p : d.panels()) {
                VBox card;
                if (p.image() == null) {
                    card = Fx.captioned(p.title(), Fx.muted(p.text()));
                } else {
                    ImageView v = p.id() != null ? Fx.view(p.id()) : new ImageView();
                    v.setImage(p.image());
                    card = Fx.captioned(p.title(), p.text() == null ? v : new VBox(2, v, Fx.muted(p.text())));
                }
                card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a histogram's card is not as tall as the kernels'
                row.getChildren().add(card);
            }
            rows.getChildren().add(row);
        }
        if (!f.trained()) {
            rows.getChildren().add(1, Fx.muted("These are the random initial weights: train the design to see what it learns."));
        }
    }

    private void syncRatios(Map<String, AppendOnlySeries.Snapshot> data) {
        if (!ratioSeries.keySet().equals(data.keySet())) {
            ratios.clearSeries();
            ratioSeries.clear();
            data.keySet().forEach(name -> ratioSeries.put(name, ratios.addSeries(name)));
        }
        data.forEach((name, snap) -> ratioSeries.get(name).sync(snap));
        ratios.markDirty();
    }

    private static String stats(LiveProbe.ParameterStats p) {
        TensorStats v = p.value();
        String s = String.format(Locale.ROOT, "%d values · mean %.3g · std %.3g · %.3g to %.3g", v.count(), v.mean(),
                v.std(), v.min(), v.max());
        if (p.gradient() != null) {
            s += String.format(Locale.ROOT, "\ngradient rms %.3g · update ratio %.2g", p.gradient().rms(), p.updateRatio());
        }
        return s;
    }

    private static Panel histogram(String title, float[] values, int colour) {
        Statistics st = Statistics.of(values);
        return new Panel(null, title, Fx.image(Pictures.histogram(Statistics.Histogram.of(values, 40), 240, 80, colour)),
                String.format(Locale.ROOT, "%d values · mean %.3g · std %.3g · %.3g to %.3g", st.count(), st.mean(), st.std(),
                        st.min(), st.max()));
    }
}
