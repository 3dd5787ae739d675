package org.convstudio.ui.training;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.ui.common.Css;
import org.convstudio.ui.common.LinePlot;

/** Small building blocks shared by the Train workspace's panels. */
final class TrainPanels {

    private TrainPanels() {
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }

    static Label formLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Node card(LinePlot plot) {
        VBox box = new VBox(plot);
        VBox.setVgrow(plot, Priority.ALWAYS);
        box.getStyleClass().add("plot-card");
        return box;
    }

    static Label metricValue(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("metric-value");
        return l;
    }

    static Node metric(String name, Label value) {
        Label caption = new Label(name);
        caption.getStyleClass().add("metric-caption");
        VBox box = new VBox(2, caption, value);
        box.getStyleClass().add("metric-tile");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(0);
        box.setPrefWidth(100);
        return box;
    }

    static Node bar(Label text, ProgressBar bar) {
        text.getStyleClass().add(Css.TEXT_SMALL);
        bar.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, text, bar);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
