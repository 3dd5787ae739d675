package org.convstudio.ui.embed;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/** The card beside the pointer over a map: the sample's image, label, prediction and what a click does. */
final class HoverCard extends VBox {

    private final ImageView thumb = new ImageView();
    private final Label text = new Label();

    HoverCard() {
        super(4);
        thumb.setFitWidth(84);
        thumb.setFitHeight(84);
        thumb.setSmooth(false);
        getChildren().addAll(thumb, text);
        getStyleClass().add("embed-hover");
        setPadding(new Insets(6));
        setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-background-radius: 4; -fx-border-radius: 4;");
        setVisible(false);
        setManaged(false);
        setMouseTransparent(true);
    }

    /** Describes sample {@code i} of {@code data}. */
    void describe(EmbedSnapshot data, int i) {
        thumb.setImage(Thumbnails.of(data.images(), i));
        String t = "Sample " + i + "\nLabel: " + data.className(data.labels()[i]);
        if (data.predictions() != null) {
            t += "\nPredicted: " + data.className(data.predictions()[i]) + (data.wrong(i) ? "  ✗" : "  ✓");
        }
        text.setText(t + (i < data.validation() ? "\nClick: open in Inspect" : "\n(training image)"));
    }

    /** Shows the card near the pointer (mx, my), inside a {@code w × h} area. */
    void placeNear(double mx, double my, double w, double h) {
        setVisible(true);
        autosize();
        double x = mx + 14;
        double y = my + 14;
        if (x + getWidth() > w) {
            x = mx - 14 - getWidth();
        }
        if (y + getHeight() > h) {
            y = my - 14 - getHeight();
        }
        relocate(Math.max(0, x), Math.max(0, y));
    }
}
