package org.convstudio.ui.training;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A strip of validation images with the network's prediction under each: green when right, red when
 * wrong (with the true class). The images are made once per data set; each epoch only relabels.
 */
public final class SampleStrip extends FlowPane {

    public static final double IMAGE_SIZE = 48;

    private Samples samples;
    private final List<ImageView> views = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<VBox> tiles = new ArrayList<>();
    private int[] shown;

    public SampleStrip() {
        getStyleClass().add("sample-strip");
        setHgap(6);
        setVgap(8);
        setAlignment(Pos.TOP_LEFT);
    }

    /** Shows {@code s} (unlabelled until {@link #setPredictions}); the same instance is a no-op. */
    public void setSamples(Samples s) {
        if (s == samples) {
            return;
        }
        samples = s;
        shown = null;
        getChildren().clear();
        views.clear();
        labels.clear();
        tiles.clear();
        if (s == null) {
            return;
        }
        int len = s.channels() * s.height() * s.width();
        for (int k = 0; k < s.size(); k++) {
            ImageView v = new ImageView(image(s, k * len));
            v.setFitWidth(IMAGE_SIZE);
            v.setFitHeight(IMAGE_SIZE);
            v.setPreserveRatio(true);
            v.setSmooth(false);
            Label l = new Label("–");
            l.getStyleClass().add("sample-label");
            l.setMaxWidth(IMAGE_SIZE + 12);
            VBox tile = new VBox(3, v, l);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("sample-tile");
            views.add(v);
            labels.add(l);
            tiles.add(tile);
        }
        getChildren().setAll(tiles);
    }

    /** Labels the tiles with {@code predicted} (per sample) using {@code names}; null clears. */
    public void setPredictions(int[] predicted, List<String> names) {
        if (predicted == shown) {
            return;
        }
        shown = predicted;
        for (int k = 0; k < tiles.size(); k++) {
            VBox tile = tiles.get(k);
            Label l = labels.get(k);
            tile.getStyleClass().removeAll("right", "wrong");
            if (predicted == null || k >= predicted.length) {
                l.setText("–");
                l.setTooltip(null);
                continue;
            }
            int p = predicted[k];
            int t = samples.labels()[k];
            boolean right = p == t;
            tile.getStyleClass().add(right ? "right" : "wrong");
            l.setText((right ? "✓ " : "✗ ") + name(names, p));
            l.setTooltip(new Tooltip("Predicted " + name(names, p) + ", true class " + name(names, t)));
        }
    }

    /** Number of tiles showing a prediction that is right (for tests). */
    public int rightCount() {
        return (int) tiles.stream().filter(t -> t.getStyleClass().contains("right")).count();
    }

    /** Number of tiles showing a prediction that is wrong (for tests). */
    public int wrongCount() {
        return (int) tiles.stream().filter(t -> t.getStyleClass().contains("wrong")).count();
    }

    public int tileCount() {
        return tiles.size();
    }

    private static String name(List<String> names, int c) {
        return c >= 0 && c < names.size() ? names.get(c) : Integer.toString(c);
    }

    /** The image scaled to 0..255 by its own range (greyscale or RGB). */
    private static WritableImage image(Samples s, int off) {
        int plane = s.height() * s.width();
        int len = s.channels() * plane;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < len; i++) {
            min = Math.min(min, s.pixels()[off + i]);
            max = Math.max(max, s.pixels()[off + i]);
        }
        float range = max > min ? max - min : 1;
        WritableImage img = new WritableImage(s.width(), s.height());
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int p = y * s.width() + x;
                double r;
                double g;
                double b;
                if (s.channels() >= 3) {
                    r = (s.pixels()[off + p] - min) / range;
                    g = (s.pixels()[off + plane + p] - min) / range;
                    b = (s.pixels()[off + 2 * plane + p] - min) / range;
                } else {
                    r = g = b = (s.pixels()[off + p] - min) / range;
                }
                w.setColor(x, y, Color.color(r, g, b));
            }
        }
        return img;
    }
}
