package org.convstudio.ui.embed;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.embed.EmbeddingQuality;
import org.convstudio.ui.common.Css;

/**
 * One map with its caption: what it shows (input space or a layer, method, epoch) and its own scores, with k
 * stated, so two maps side by side can be compared at a glance.
 */
final class MapPanel extends BorderPane {

    private final String empty;
    private final ScatterPlot plot;
    private final Label title = new Label();
    private final Label how = new Label();
    private final Label hit = new Label();
    private final Label trust = new Label();

    /**
     * @param empty  the title before a map is shown
     * @param prefix node id prefix ("embed-input", "embed-layer")
     * @param plot   the map
     */
    MapPanel(String empty, String prefix, ScatterPlot plot) {
        this.empty = empty;
        this.plot = plot;
        setId(prefix + "-panel");
        title.setId(prefix + "-title");
        title.getStyleClass().add(Css.TEXT_BOLD);
        title.setMinWidth(0);
        hit.setId(prefix + "-hit");
        trust.setId(prefix + "-trust");
        for (Label l : new Label[] {how, hit, trust}) {
            l.getStyleClass().add(Css.TEXT_SMALL);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane scores = new FlowPane(14, 2, how, hit, trust);
        VBox head = new VBox(2, title, scores);
        head.setPadding(new Insets(6, 10, 4, 10));
        setTop(head);
        setCenter(plot);
        setMinWidth(0);
        show(null);
    }

    ScatterPlot plot() {
        return plot;
    }

    /** Shows {@code s} (null: nothing yet). */
    void show(EmbedSnapshot s) {
        plot.show(s);
        if (s == null) {
            title.setText(empty);
            how.setText("");
            hit.setText("Neighbourhood hit (k = " + EmbeddingQuality.HIT_K + "): —");
            trust.setText("Trustworthiness (k = " + EmbeddingQuality.TRUST_K + "): —");
            return;
        }
        String what = s.what().startsWith("layer ") ? s.what().substring(6) : s.what();
        title.setText(s.inputSpace() ? "Input space: pixels" : "Learned space: " + what
                + (s.epoch() > 0 ? ", epoch " + s.epoch() : ""));
        how.setText(s.request().methodName() + " of " + s.points() + " samples");
        EmbeddingQuality q = s.quality();
        hit.setText("Neighbourhood hit (k = " + EmbeddingQuality.HIT_K + "): " + (q == null ? "…" : percent(
                q.neighborhoodHit())));
        trust.setText("Trustworthiness (k = " + EmbeddingQuality.TRUST_K + "): " + (q == null ? "…" : percent(
                q.trustworthiness())));
    }

    String hitText() {
        return hit.getText();
    }

    String trustText() {
        return trust.getText();
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
