package org.convstudio.ui.training;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A strip of validation images with the network's prediction under each: green when right, red when
 * wrong (with the true class). The images are made once per data set; each epoch only relabels.
 *
 * <p>The tiles are laid out in a grid that fits the strip's area: images of {@value #IMAGE_SIZE} px at the
 * default 14 px font, larger with the font (Large Text), and smaller only when the area cannot hold all
 * of them at that size, so no tile is ever cut off.
 */
public final class SampleStrip extends Region {

    private static final double HGAP = 6;
    private static final double VGAP = 8;

    public static final double IMAGE_SIZE = 48;

    private Samples samples;
    private final List<ImageView> views = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<VBox> tiles = new ArrayList<>();
    private int[] shown;
    /** Follows the labels' font, so Large Text enlarges the images too. */
    private final Label fontProbe = new Label();
    private double imageSize = IMAGE_SIZE;

    public SampleStrip() {
        getStyleClass().add("sample-strip");
        fontProbe.getStyleClass().add("sample-label");
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        fontProbe.fontProperty().addListener((o, a, f) -> resize(f.getSize()));
        getChildren().add(fontProbe);
    }

    /** Shows {@code s} (unlabelled until {@link #setPredictions}); the same instance is a no-op. */
    public void setSamples(Samples s) {
        if (s == samples) {
            return;
        }
        samples = s;
        shown = null;
        getChildren().setAll(fontProbe);
        views.clear();
        labels.clear();
        tiles.clear();
        if (s == null) {
            return;
        }
        int len = s.channels() * s.height() * s.width();
        for (int k = 0; k < s.size(); k++) {
            ImageView v = new ImageView(image(s, k * len));
            v.setFitWidth(imageSize);
            v.setFitHeight(imageSize);
            v.setPreserveRatio(true);
            v.setSmooth(false);
            Label l = new Label("–");
            l.getStyleClass().add("sample-label");
            l.setMaxWidth(imageSize + 12);
            VBox tile = new VBox(3, v, l);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("sample-tile");
            views.add(v);
            labels.add(l);
            tiles.add(tile);
        }
        getChildren().setAll(tiles);
        getChildren().add(fontProbe);
    }

    /** The images' full size (grows with the font); the grid may show them smaller when space is short. */
    public double imageSize() {
        return imageSize;
    }

    /** The images' size as laid out now. */
    public double shownImageSize() {
        return views.isEmpty() ? imageSize : views.get(0).getFitWidth();
    }

    private void resize(double fontPx) {
        double size = Math.round(IMAGE_SIZE * Math.max(1, fontPx / 14));
        if (size != imageSize) {
            imageSize = size;
            requestLayout();
        }
    }

    /** Tile size beyond the image: the tile's padding and border, the gap and the label under the image. */
    private double[] tileExtra() {
        if (tiles.isEmpty()) {
            return new double[] {0, 0};
        }
        VBox t = tiles.get(0);
        javafx.geometry.Insets in = t.getInsets();
        double labelH = labels.get(0).prefHeight(-1);
        return new double[] {in.getLeft() + in.getRight(), in.getTop() + in.getBottom() + t.getSpacing() + labelH};
    }

    /** The smallest images the grid uses (its minimum height keeps them at least this size). */
    private double minImageSize() {
        return Math.round(imageSize * 0.6);
    }

    /** The widest label's preferred width: a tile is never narrower, so no label is cut. */
    private double labelWidth() {
        double w = 0;
        for (Label l : labels) {
            w = Math.max(w, l.prefWidth(-1));
        }
        return w;
    }

    /** Columns of tiles of images of {@code size} that fit {@code width}. */
    private int columnsAt(double size, double width) {
        double tileW = Math.max(size + tileExtra()[0], labelWidth() + tileExtra()[0]);
        return (int) Math.max(1, Math.min(tiles.size(), Math.floor((width + HGAP) / (tileW + HGAP))));
    }

    @Override
    protected double computeMinHeight(double width) {
        if (tiles.isEmpty()) {
            return 0;
        }
        double size = minImageSize();
        double w = width > 0 ? width : getWidth();
        int cols = w > 0 ? columnsAt(size, w) : Math.min(4, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        return rows * (size + tileExtra()[1] + VGAP) - VGAP;
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    /** Columns and image size of the largest grid (images at most {@link #imageSize()}) that fits w × h. */
    private double[] grid(double w, double h) {
        int n = tiles.size();
        double[] extra = tileExtra();
        double minTileW = labelWidth() + extra[0];
        double bestSize = 0;
        int bestCols = 1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            if ((w - (cols - 1) * HGAP) / cols < minTileW) {
                break; // the labels would not fit
            }
            double byW = (w - (cols - 1) * HGAP) / cols - extra[0];
            double byH = h <= 0 ? imageSize : (h - (rows - 1) * VGAP) / rows - extra[1];
            double size = Math.floor(Math.min(imageSize, Math.min(byW, byH)));
            if (size >= bestSize) { // equal size: more columns, fewer rows
                bestSize = size;
                bestCols = cols;
            }
        }
        if (bestSize < minImageSize()) { // too little room: the smallest images, as many columns as fit
            return new double[] {columnsAt(minImageSize(), w), minImageSize()};
        }
        return new double[] {bestCols, bestSize};
    }

    @Override
    protected double computePrefWidth(double height) {
        double[] extra = tileExtra();
        return tiles.isEmpty() ? 0 : Math.min(tiles.size(), 8) * (imageSize + extra[0] + HGAP) - HGAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (tiles.isEmpty()) {
            return 0;
        }
        double[] extra = tileExtra();
        int cols = width > 0 ? (int) Math.max(1, Math.floor((width + HGAP) / (imageSize + extra[0] + HGAP))) : 8;
        int rows = (tiles.size() + cols - 1) / cols;
        return rows * (imageSize + extra[1] + VGAP) - VGAP;
    }

    @Override
    protected void layoutChildren() {
        if (tiles.isEmpty()) {
            return;
        }
        double w = getWidth();
        double[] g = grid(w, getHeight());
        int cols = (int) g[0];
        double size = g[1];
        double[] extra = tileExtra();
        double tileW = Math.max(size + extra[0], Math.min(labelWidth() + extra[0], (w - (cols - 1) * HGAP) / cols));
        double tileH = size + extra[1];
        for (int k = 0; k < tiles.size(); k++) {
            ImageView v = views.get(k);
            if (v.getFitWidth() != size) {
                v.setFitWidth(size);
                v.setFitHeight(size);
            }
            labels.get(k).setMaxWidth(Math.max(tileW, size + 12));
            Node t = tiles.get(k);
            t.resizeRelocate(snapPositionX((k % cols) * (tileW + HGAP)), snapPositionY((k / cols) * (tileH + VGAP)),
                    snapSizeX(tileW), snapSizeY(tileH));
        }
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
