package org.convstudio.ui.inspect;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convstudio.analysis.image.Pictures;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.ui.common.AppServices;
import org.convstudio.ui.inspect.InspectSnapshots.Errors;

/**
 * The confusion matrix over the validation set; clicking a cell lists those samples with their top-3
 * probabilities, most confident first; clicking a sample opens it in the other panes.
 */
final class ErrorsPane extends BorderPane {

    private static final int MAX_SHOWN = 48;

    private final InspectViewModel vm;
    private final GridPane grid = new GridPane();
    private final FlowPane samples = new FlowPane(8, 8);
    private final Label caption = new Label("Click a cell to see its samples.");
    private final IntConsumer open;
    private final javafx.scene.control.ComboBox<Integer> epoch = new javafx.scene.control.ComboBox<>();
    private boolean settingEpoch;

    ErrorsPane(InspectViewModel vm, AppServices services, IntConsumer open) {
        this.vm = vm;
        this.open = open;
        setId("inspect-errors");
        grid.setHgap(2);
        grid.setVgap(2);
        vm.errorsProperty().addListener((o, a, e) -> show(e));
        VBox left = new VBox(6, Fx.captioned("Confusion matrix (rows: true class, columns: predicted)", grid), caption);
        left.setPadding(new Insets(8));
        ScrollPane right = new ScrollPane(samples);
        right.setFitToWidth(true);
        samples.setPadding(new Insets(8));
        epoch.setId("inspect-errors-epoch");
        epoch.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer e) {
                return e == null ? "" : "epoch " + e;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        Label epochLabel = new Label("Saved predictions of");
        epochLabel.setMinWidth(Label.USE_PREF_SIZE);
        epochLabel.visibleProperty().bind(epoch.visibleProperty());
        epochLabel.managedProperty().bind(epoch.visibleProperty());
        epoch.managedProperty().bind(epoch.visibleProperty());
        epoch.setVisible(false);
        vm.errorEpochsProperty().addListener((o, a, list) -> {
            settingEpoch = true;
            epoch.getItems().setAll(list);
            epoch.setVisible(!list.isEmpty());
            settingEpoch = false;
        });
        epoch.valueProperty().addListener((o, a, e) -> {
            if (!settingEpoch && e != null && (vm.errorsProperty().get() == null || vm.errorsProperty().get().epoch() != e)) {
                vm.showErrors(e);
            }
        });
        HBox bar = new HBox(8, epochLabel, epoch, Fx.exportButton(services, left, "confusion-matrix.png"));
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(bar);
        setLeft(left);
        setCenter(right);
    }

    private void show(Errors e) {
        grid.getChildren().clear();
        samples.getChildren().clear();
        if (e == null) {
            return;
        }
        if (e.epoch() >= 0 && !Integer.valueOf(e.epoch()).equals(epoch.getValue())) {
            settingEpoch = true;
            epoch.setValue(e.epoch());
            settingEpoch = false;
        }
        ConfusionMatrix m = e.matrix();
        int k = m.classes();
        long max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                if (t != p) {
                    max = Math.max(max, m.count(t, p));
                }
            }
        }
        for (int i = 0; i < k; i++) {
            grid.add(header(Integer.toString(i)), i + 1, 0);
            grid.add(header(Integer.toString(i)), 0, i + 1);
        }
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long n = m.count(t, p);
                Label cell = new Label(Long.toString(n));
                cell.setId("inspect-cell-" + t + "-" + p);
                cell.setMinSize(34, 26);
                cell.setAlignment(Pos.CENTER);
                double share = t == p ? Math.min(1, (double) n / Math.max(1, m.rowTotal(t))) : (double) n / max;
                String colour = t == p ? String.format(Locale.ROOT, "rgba(63,185,80,%.2f)", 0.15 + 0.6 * share)
                        : String.format(Locale.ROOT, "rgba(248,81,73,%.2f)", n == 0 ? 0.04 : 0.15 + 0.7 * share);
                cell.setStyle("-fx-background-color: " + colour + "; -fx-cursor: hand;");
                int tt = t;
                int pp = p;
                cell.setOnMouseClicked(ev -> showCell(e, tt, pp));
                grid.add(cell, p + 1, t + 1);
            }
        }
        caption.setText(String.format(Locale.ROOT, "Accuracy %.1f %% on %d validation images (%s). Click a cell.",
                100 * m.accuracy(), m.total(), e.source())
                + (e.imagesKnown() ? "" : "\nThe run was validated on other images than the ones loaded here: numbers only."));
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.setMinSize(34, 22);
        l.setAlignment(Pos.CENTER);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    void showCell(Errors e, int t, int p) {
        samples.getChildren().clear();
        List<Integer> idx = e.cell(t, p);
        caption.setText(idx.size() + " images of class " + t + " predicted as " + p + (t != p ? " — most confident mistakes first" : ""));
        var l = vm.loaded();
        int[] chw = l.chw();
        for (int i : idx.subList(0, Math.min(MAX_SHOWN, idx.size()))) {
            float[] raw = e.imagesKnown() ? vm.rawImage(i) : null;
            ImageView iv = new ImageView(raw == null ? null
                    : Fx.image(Pictures.input(raw, chw[0], chw[1], chw[2]).scaled(Pictures.scaleFor(chw[1], 64))));
            StringBuilder sb = new StringBuilder("#" + i);
            for (int r = 0; r < e.top3()[i].length; r++) {
                sb.append(String.format(Locale.ROOT, "\n%d: %.0f %%", e.top3()[i][r], 100 * e.top3Probabilities()[i][r]));
            }
            Label text = new Label(sb.toString());
            text.setStyle("-fx-font-size: 0.85em;");
            VBox card = new VBox(2, iv, text);
            card.getStyleClass().add("inspect-error-card");
            if (raw != null) { // the sample opens in the other panes
                card.setStyle("-fx-cursor: hand;");
                card.setOnMouseClicked(ev -> open.accept(i));
            }
            samples.getChildren().add(card);
        }
    }
}
