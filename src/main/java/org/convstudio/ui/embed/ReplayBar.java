package org.convstudio.ui.embed;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.convstudio.ui.common.Css;

/**
 * Under the learned space in live mode: a slider over the epochs embedded so far, to replay how the map changed
 * (each epoch's finished map, as computed; moving it never computes).
 */
final class ReplayBar extends HBox {

    private final EmbedViewModel vm;
    private final Slider slider = new Slider(0, 0, 0);
    private final Label where = new Label();
    private boolean updating;

    ReplayBar(EmbedViewModel vm) {
        super(8);
        this.vm = vm;
        setId("embed-replay");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 10, 6, 10));
        slider.setId("embed-replay-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.disableProperty().bind(vm.busyProperty());
        slider.valueProperty().addListener((o, a, v) -> {
            if (!updating) {
                vm.showEpoch((int) Math.round(v.doubleValue()));
            }
        });
        Label name = new Label("Epochs");
        name.setMinWidth(Region.USE_PREF_SIZE);
        where.setId("embed-replay-epoch");
        where.setMinWidth(Region.USE_PREF_SIZE);
        where.getStyleClass().add(Css.TEXT_SMALL);
        getChildren().addAll(name, slider, where);
        vm.epochs().addListener((ListChangeListener<EmbedSnapshot>) c -> refresh());
        vm.shownEpochProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        int n = vm.epochs().size();
        setVisible(n > 0);
        setManaged(n > 0);
        updating = true;
        slider.setMax(Math.max(0, n - 1));
        int shown = vm.shownEpochProperty().get();
        if (shown >= 0) {
            slider.setValue(shown);
        }
        updating = false;
        where.setText(shown >= 0 && shown < n ? "epoch " + vm.epochs().get(shown).epoch()
                + (vm.epochs().get(shown).done() ? "" : ", unfinished") + " (" + (shown + 1) + " of " + n + ")"
                : n + (n == 1 ? " epoch" : " epochs") + " embedded; computing the next…");
    }
}
