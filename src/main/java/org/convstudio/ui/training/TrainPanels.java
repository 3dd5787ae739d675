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

    /** As wide as the widest usual metric value ("3:07 min", "1.0e-03", "12,345"). */
    private static final String VALUE_TEMPLATE = "00:00 min";

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
        // sized by its text: the MetricRow gives every tile the widest one's width, in more rows when needed
        caption.setMinWidth(Region.USE_PREF_SIZE);
        // room for the widest usual value, so that tiles keep their width as the numbers change
        value.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            javafx.scene.text.Text widest = new javafx.scene.text.Text(VALUE_TEMPLATE);
            widest.setFont(value.getFont());
            return Math.max(widest.getLayoutBounds().getWidth() + 2, value.prefWidth(-1));
        }, value.fontProperty(), value.textProperty()));
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
