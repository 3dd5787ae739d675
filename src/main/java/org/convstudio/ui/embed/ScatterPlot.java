package org.convstudio.ui.embed;

import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.convstudio.analysis.embed.EmbeddingFiles;

/**
 * The embedding drawn on one {@link Canvas} (no node per point, so tens of thousands of points pan and zoom
 * smoothly): points coloured by label or by prediction, misclassified points ringed, drag to pan, scroll to zoom
 * around the pointer, double-click to fit, hover for the sample's thumbnail with its label and prediction.
 */
final class ScatterPlot extends Region {

    private static final double RADIUS = 2.2;
    private static final double HOVER_PIXELS = 8;

    private final Canvas canvas = new Canvas();
    private final VBox card = new VBox(4);
    private final ImageView thumb = new ImageView();
    private final Label cardText = new Label();
    private EmbedSnapshot data;
    private boolean byPrediction;
    private boolean userMoved;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private int drawn;
    private int hovered = -1;

    ScatterPlot() {
        canvas.setId("embed-canvas");
        getStyleClass().add("embed-plot");
        setMinSize(200, 200);
        thumb.setFitWidth(84);
        thumb.setFitHeight(84);
        thumb.setSmooth(false);
        card.getChildren().addAll(thumb, cardText);
        card.setId("embed-hover");
        card.setPadding(new Insets(6));
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                + " -fx-background-radius: 4; -fx-border-radius: 4;");
        card.setVisible(false);
        card.setManaged(false);
        card.setMouseTransparent(true);
        getChildren().addAll(canvas, card);
        widthProperty().addListener(o -> layoutChanged());
        heightProperty().addListener(o -> layoutChanged());
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            offsetX += e.getX() - dragX;
            offsetY += e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            userMoved = true;
            hideCard();
            paint();
        });
        setOnScroll(e -> {
            double f = Math.pow(1.0025, e.getDeltaY());
            offsetX = e.getX() - (e.getX() - offsetX) * f;
            offsetY = e.getY() - (e.getY() - offsetY) * f;
            scale *= f;
            userMoved = true;
            paint();
            e.consume();
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                fit();
            }
        });
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> hideCard());
    }

    /** Shows {@code s} (a new computation is fitted to the view; its progressive layouts keep being fitted until
     * the user pans or zooms). */
    void show(EmbedSnapshot s) {
        boolean newRequest = data == null || s == null || data.generation() != s.generation();
        data = s;
        if (newRequest) {
            userMoved = false;
            hideCard();
        }
        if (!userMoved) {
            fitTransform();
        }
        paint();
    }

    void colourByPrediction(boolean on) {
        byPrediction = on;
        paint();
    }

    /** Fits the whole layout into the view. */
    void fit() {
        userMoved = false;
        fitTransform();
        paint();
    }

    /** Number of points drawn by the last paint (inside the view). */
    int drawnPoints() {
        return drawn;
    }

    /** Screen pixels per layout unit (grows when zooming in). */
    double scale() {
        return scale;
    }

    /** The sample under the pointer, or -1. */
    int hoveredSample() {
        return hovered;
    }

    /** Where sample {@code i} is drawn, in this region's coordinates. */
    Point2D position(int i) {
        float[] l = data.layout();
        return new Point2D(offsetX + scale * l[2 * i], offsetY - scale * l[2 * i + 1]);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        card.autosize();
    }

    private void layoutChanged() {
        if (!userMoved) {
            fitTransform();
        }
        paint();
    }

    private void fitTransform() {
        if (data == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        float[] l = data.layout();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < l.length; i += 2) {
            minX = Math.min(minX, l[i]);
            maxX = Math.max(maxX, l[i]);
            minY = Math.min(minY, l[i + 1]);
            maxY = Math.max(maxY, l[i + 1]);
        }
        double w = Math.max(maxX - minX, 1e-9);
        double h = Math.max(maxY - minY, 1e-9);
        double margin = 16;
        scale = Math.min((getWidth() - 2 * margin) / w, (getHeight() - 2 * margin) / h);
        offsetX = getWidth() / 2 - scale * (minX + maxX) / 2;
        offsetY = getHeight() / 2 + scale * (minY + maxY) / 2;
    }

    static Color colour(int cls) {
        if (cls < 0) {
            return Color.GRAY;
        }
        int rgb = EmbeddingFiles.PALETTE[cls % EmbeddingFiles.PALETTE.length];
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 0.8);
    }

    private int classOf(int i) {
        if (byPrediction && data.predictions() != null) {
            return data.predictions()[i];
        }
        return data.labels()[i];
    }

    /** Draws every visible point, one fill colour per class (few state changes), then rings the mistakes. */
    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawn = 0;
        if (data == null) {
            return;
        }
        float[] l = data.layout();
        int n = data.points();
        int classes = Math.max(1, data.classNames().size());
        double d = 2 * RADIUS;
        for (int c = 0; c < classes; c++) {
            g.setFill(colour(c));
            for (int i = 0; i < n; i++) {
                if (classOf(i) != c) {
                    continue;
                }
                double x = offsetX + scale * l[2 * i];
                double y = offsetY - scale * l[2 * i + 1];
                if (x < -d || y < -d || x > w + d || y > h + d) {
                    continue;
                }
                g.fillOval(x - RADIUS, y - RADIUS, d, d);
                drawn++;
            }
        }
        if (data.predictions() != null) {
            g.setStroke(Color.rgb(20, 20, 20, 0.9));
            g.setLineWidth(1.2);
            double r = RADIUS + 2;
            for (int i = 0; i < n; i++) {
                if (data.wrong(i)) {
                    double x = offsetX + scale * l[2 * i];
                    double y = offsetY - scale * l[2 * i + 1];
                    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                }
            }
        }
        if (hovered >= 0 && hovered < n) {
            Point2D p = position(hovered);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(p.getX() - 6, p.getY() - 6, 12, 12);
        }
    }

    private void hover(double mx, double my) {
        if (data == null) {
            return;
        }
        float[] l = data.layout();
        int best = -1;
        double bestD = HOVER_PIXELS * HOVER_PIXELS;
        for (int i = 0; i < data.points(); i++) {
            double dx = offsetX + scale * l[2 * i] - mx;
            double dy = offsetY - scale * l[2 * i + 1] - my;
            double dd = dx * dx + dy * dy;
            if (dd < bestD) {
                bestD = dd;
                best = i;
            }
        }
        if (best < 0) {
            hideCard();
            return;
        }
        if (best != hovered) {
            hovered = best;
            thumb.setImage(thumbnail(best));
            String label = data.classNames().isEmpty() ? String.valueOf(data.labels()[best])
                    : name(data.labels()[best]);
            String text = "Sample " + best + "\nLabel: " + label;
            if (data.predictions() != null) {
                text += "\nPredicted: " + name(data.predictions()[best]) + (data.wrong(best) ? "  ✗" : "  ✓");
            }
            cardText.setText(text);
            paint();
        }
        card.setVisible(true);
        card.autosize();
        double x = mx + 14;
        double y = my + 14;
        if (x + card.getWidth() > getWidth()) {
            x = mx - 14 - card.getWidth();
        }
        if (y + card.getHeight() > getHeight()) {
            y = my - 14 - card.getHeight();
        }
        card.relocate(Math.max(0, x), Math.max(0, y));
    }

    private String name(int cls) {
        return cls >= 0 && cls < data.classNames().size() ? data.classNames().get(cls) : String.valueOf(cls);
    }

    private void hideCard() {
        card.setVisible(false);
        if (hovered >= 0) {
            hovered = -1;
            paint();
        }
    }

    /** The sample's image, contrast-stretched to its own range (grey or colour). */
    private Image thumbnail(int i) {
        var images = data.images();
        float[] px = images.image(i);
        int c = images.channels();
        int hh = images.height();
        int ww = images.width();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : px) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double range = Math.max(hi - lo, 1e-6);
        WritableImage img = new WritableImage(ww, hh);
        var w = img.getPixelWriter();
        int plane = hh * ww;
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < ww; x++) {
                int o = y * ww + x;
                int r = (int) Math.round(255 * (px[o] - lo) / range);
                int gg = c >= 3 ? (int) Math.round(255 * (px[plane + o] - lo) / range) : r;
                int b = c >= 3 ? (int) Math.round(255 * (px[2 * plane + o] - lo) / range) : r;
                w.setArgb(x, y, 0xff000000 | r << 16 | gg << 8 | b);
            }
        }
        return img;
    }
}
