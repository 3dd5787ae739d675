package org.convstudio.ui.embed;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.convstudio.analysis.embed.EmbeddingQuality;
import org.convstudio.ui.common.Css;

/**
 * Beside the maps: live mode, the legend (class colours), colour-by-prediction, and the learned map's three scores
 * explained.
 */
final class EmbedSidePanel extends VBox {

    private final FlowPane legend = new FlowPane(12, 3);
    private final CheckBox byPrediction = new CheckBox("Colour by prediction");
    private final Label hit = score("embed-score-hit");
    private final Label trust = score("embed-score-trust");
    private final Label knn = score("embed-score-knn");
    private final Label mistakes = new Label();
    private final Label what = new Label();

    private final CheckBox live = new CheckBox("Live: re-embed after each epoch");
    private final CheckBox sideBySide = new CheckBox("Input space beside the layer");

    /**
     * @param vm           the workspace's state (live mode)
     * @param byPredictionChanged called when "Colour by prediction" changes
     */
    EmbedSidePanel(EmbedViewModel vm, java.util.function.Consumer<Boolean> byPredictionChanged) {
        super(8);
        setId("embed-side");
        setPadding(new Insets(10));
        setPrefWidth(270);
        setMinWidth(270);
        setMaxWidth(270);
        legend.setPrefWrapLength(240);
        byPrediction.setId("embed-by-prediction");
        byPrediction.setDisable(true);
        byPrediction.selectedProperty().addListener((o, a, on) -> byPredictionChanged.accept(on));
        sideBySide.setId("embed-side-by-side");
        sideBySide.setWrapText(true);
        sideBySide.selectedProperty().bindBidirectional(vm.sideBySideProperty());
        sideBySide.setTooltip(new javafx.scene.control.Tooltip("Map a run's layer next to the raw pixels of the same"
                + " samples (input space vs learned space), each with its scores; applies to the next Compute"));
        live.setId("embed-live");
        live.setWrapText(true);
        live.selectedProperty().bindBidirectional(vm.liveProperty());
        Label liveHelp = wrapping("While a run trains in the Train workspace, its layer is mapped again from each"
                + " saved epoch, starting from the previous map, so the points move; a slider then replays the epochs.");
        liveHelp.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        Label legendTitle = title("Classes");
        Label scoresTitle = title("Scores");
        GridPane scores = new GridPane();
        scores.setHgap(8);
        scores.setVgap(4);
        scores.addRow(0, wrapping("Neighbourhood hit, k=6"), hit);
        scores.addRow(1, wrapping("Trustworthiness, k=12"), trust);
        var names = new javafx.scene.layout.ColumnConstraints();
        names.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        var values = new javafx.scene.layout.ColumnConstraints();
        values.setMinWidth(Region.USE_PREF_SIZE);
        values.setHalignment(javafx.geometry.HPos.RIGHT);
        scores.getColumnConstraints().setAll(names, values);
        scores.addRow(2, wrapping("6-NN accuracy"), knn);
        Label help = wrapping("Hit: share of a point's 6 map neighbours with its label. Trust: map neighbours "
                + "that were neighbours before too. Accuracy: a 6-neighbour vote on the map.");
        help.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.getStyleClass().addAll(Css.TEXT_SMALL);
        mistakes.setWrapText(true);
        mistakes.setMinHeight(Region.USE_PREF_SIZE);
        mistakes.getStyleClass().addAll(Css.TEXT_SMALL);
        Label hint = wrapping("Drag to pan, scroll to zoom, double-click to fit; hover a point to see its image"
                + " (ringed in both maps); click it to open it in Inspect. Lasso: the lasso tool, Shift-drag or"
                + " right-drag; the selected images appear below the maps.");
        hint.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        getChildren().addAll(title("Maps"), sideBySide, live, liveHelp, what, legendTitle, legend, byPrediction, mistakes, scoresTitle, scores,
                help, hint);
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.TEXT_BOLD);
        return l;
    }

    private static Label score(String id) {
        Label l = new Label("—");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setId(id);
        l.getStyleClass().add(Css.TEXT_BOLD);
        return l;
    }

    void show(EmbedSnapshot s) {
        if (s == null) {
            return;
        }
        what.setText(s.title() + ", " + s.points() + " samples");
        if (legend.getChildren().size() != s.classNames().size()) {
            legend.getChildren().clear();
            for (int c = 0; c < s.classNames().size(); c++) {
                Label l = new Label(s.classNames().get(c), new Circle(5, ScatterPlot.colour(c)));
                legend.getChildren().add(l);
            }
        }
        boolean predictions = s.predictions() != null;
        byPrediction.setDisable(!predictions);
        if (predictions) {
            int wrong = 0;
            for (int i = 0; i < s.points(); i++) {
                if (s.wrong(i)) {
                    wrong++;
                }
            }
            mistakes.setText("Ringed: " + wrong + " misclassified samples");
        } else {
            mistakes.setText("");
        }
        EmbeddingQuality q = s.quality();
        hit.setText(q == null ? "…" : percent(q.neighborhoodHit()));
        trust.setText(q == null ? "…" : percent(q.trustworthiness()));
        knn.setText(q == null ? "…" : percent(q.knnAccuracy()));
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }
}
