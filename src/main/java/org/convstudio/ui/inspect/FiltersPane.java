package org.convstudio.ui.inspect;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.image.Statistics;
import org.convstudio.engine.probe.WeightCopy;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.inspect.InspectSnapshots.Loaded;

/**
 * Each convolution's kernels as images (the first layer in colour for RGB input, deeper layers summed over
 * their input channels) and a histogram of every layer's weights (and gradients when there are any).
 */
final class FiltersPane extends BorderPane {

    private final VBox rows = new VBox(12);

    FiltersPane(InspectViewModel vm, AppServices services) {
        setId("inspect-filters");
        rows.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        HBox bar = new HBox(8, Fx.muted("Blue: negative weights, red: positive. A layer whose histogram is a spike at 0 is dead; "
                + "one that spreads far beyond ±1 may be exploding."), Fx.exportButton(services, rows, "filters.png"));
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(scroll);
        vm.loadedProperty().addListener((o, a, l) -> show(l));
    }

    private void show(Loaded l) {
        rows.getChildren().clear();
        if (l == null) {
            return;
        }
        java.util.Map<String, HBox> byNode = new java.util.LinkedHashMap<>();
        for (WeightCopy w : l.weights()) {
            if (!w.trainable()) {
                continue;
            }
            HBox row = byNode.computeIfAbsent(w.node(), n -> {
                HBox r = new HBox(12);
                r.setFillHeight(false);
                return r;
            });
            if (w.name().equals("weight") && w.value().rank() == 4) {
                int[] s = w.value().shape();
                ImageView k = Fx.view("inspect-kernels-" + w.node());
                k.setImage(Fx.image(Pictures.kernels(w.value().values(), s[0], s[1], s[2], s[3], true,
                        Math.max(3, 60 / Math.max(s[2], s[3])))));
                row.getChildren().add(Fx.captioned(w.node() + " kernels · " + s[0] + " × " + s[1] + " × " + s[2] + "×" + s[3], k));
            }
            row.getChildren().add(histogram(w.node() + " " + w.name(), w.value().values(), 0xFF2F81F7));
            if (w.gradient() != null && Statistics.of(w.gradient().values()).max() != 0) {
                row.getChildren().add(histogram(w.node() + " " + w.name() + " gradient", w.gradient().values(), 0xFFF0883E));
            }
        }
        rows.getChildren().addAll(byNode.values());
        if (!l.trained()) {
            rows.getChildren().add(0, Fx.muted("These are the random initial weights: train the design to see what it learns."));
        }
    }

    private static VBox histogram(String title, float[] values, int colour) {
        Statistics st = Statistics.of(values);
        ImageView h = new ImageView(Fx.image(Pictures.histogram(Statistics.Histogram.of(values, 40), 240, 80, colour)));
        return Fx.captioned(title, new VBox(2, h, Fx.muted(String.format(Locale.ROOT, "%d values · mean %.3g · std %.3g · %.3g to %.3g",
                st.count(), st.mean(), st.std(), st.min(), st.max()))));
    }
}
