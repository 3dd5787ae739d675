package org.convstudio.ui.embed;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.convstudio.analysis.embed.EmbeddingFiles;

/**
 * The embedding drawn on one {@link Canvas} (no node per point, so tens of thousands of points pan and zoom
 * smoothly): points coloured by label or by prediction, misclassified points ringed, drag to pan, scroll to zoom
 * around the pointer, double-click to fit, hover for the sample's thumbnail with its label and prediction. A lasso
 * (the lasso tool, Shift-drag or right-drag) is drawn on a second canvas and handed over in map coordinates; the
 * selection fades the other points; the sample hovered in the other map is ringed here; a click on a point opens it.
 */
final class ScatterPlot extends Region {

    private static final double RADIUS = 2.2;
    private static final double HOVER_PIXELS = 8;

    private final Canvas canvas = new Canvas();
    private final LassoOverlay lasso = new LassoOverlay();
    private final HoverCard card = new HoverCard();
    private EmbedSnapshot data;
    private Selection selection = Selection.NONE;
    private boolean byPrediction;
    private boolean userMoved;
    private boolean lassoTool;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private int drawn;
    private int hovered = -1;
    private int highlighted = -1;
    private IntConsumer onHover = i -> { };
    private IntConsumer onOpen = i -> { };
    private Consumer<float[]> onLasso = p -> { };

    ScatterPlot() {
        this("embed-canvas", "embed-hover");
    }

    /** A plot whose canvas and hover card have these ids (tests look them up). */
    ScatterPlot(String canvasId, String cardId) {
        canvas.setId(canvasId);
        card.setId(cardId);
        getStyleClass().add("embed-plot");
        setMinSize(160, 160);
        getChildren().addAll(canvas, lasso.canvas(), card);
        widthProperty().addListener(o -> layoutChanged());
        heightProperty().addListener(o -> layoutChanged());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
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
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            int at = nearest(e.getX(), e.getY());
            if (e.getClickCount() == 1 && at >= 0 && !e.isShiftDown()) {
                onOpen.accept(at);
            } else if (e.getClickCount() == 2 && at < 0) {
                fit();
            }
        });
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> hideCard());
    }

    /** Called with the sample under the pointer (-1 when none). */
    void setOnHover(IntConsumer c) {
        onHover = c;
    }

    /** Called with the sample clicked. */
    void setOnOpen(IntConsumer c) {
        onOpen = c;
    }

    /** Called with a finished lasso: its polygon in map coordinates, x, y interleaved. */
    void setOnLasso(Consumer<float[]> c) {
        onLasso = c;
    }

    /** With the lasso tool on, a plain drag draws a lasso instead of panning. */
    void setLassoTool(boolean on) {
        lassoTool = on;
        setCursor(on ? javafx.scene.Cursor.CROSSHAIR : javafx.scene.Cursor.DEFAULT);
    }

    /** Shows {@code s} (a new computation is fitted to the view; its progressive layouts keep being fitted until
     * the user pans or zooms; a map of the same samples keeps the view the user chose). */
    void show(EmbedSnapshot s) {
        boolean sameSamples = data != null && s != null && data.points() == s.points()
                && java.util.Objects.equals(data.request().run(), s.request().run());
        boolean newRequest = data == null || s == null || data.generation() != s.generation();
        data = s;
        if (newRequest && !sameSamples) {
            userMoved = false;
        }
        if (newRequest) {
            hideCard();
        }
        if (!userMoved) {
            fitTransform();
        }
        paint();
    }

    EmbedSnapshot data() {
        return data;
    }

    void colourByPrediction(boolean on) {
        byPrediction = on;
        paint();
    }

    /** Rings sample {@code i} (-1: none), e.g. the one hovered in the other map. */
    void highlight(int i) {
        if (i != highlighted) {
            highlighted = i;
            paint();
        }
    }

    int highlighted() {
        return highlighted;
    }

    void select(Selection s) {
        selection = s == null ? Selection.NONE : s;
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

    /** The map coordinates of a point of this region. */
    Point2D toMap(double x, double y) {
        return new Point2D((x - offsetX) / scale, (offsetY - y) / scale);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        lasso.canvas().setWidth(getWidth());
        lasso.canvas().setHeight(getHeight());
        card.autosize();
    }

    private void layoutChanged() {
        if (!userMoved) {
            fitTransform();
        }
        paint();
    }

    private void pressed(MouseEvent e) {
        dragX = e.getX();
        dragY = e.getY();
        if (lassoTool || e.isShiftDown() || e.getButton() == MouseButton.SECONDARY) {
            lasso.start(e.getX(), e.getY());
            hideCard();
        }
    }

    private void dragged(MouseEvent e) {
        if (lasso.active()) {
            lasso.drag(e.getX(), e.getY());
            return;
        }
        offsetX += e.getX() - dragX;
        offsetY += e.getY() - dragY;
        dragX = e.getX();
        dragY = e.getY();
        userMoved = true;
        hideCard();
        paint();
    }

    private void released(MouseEvent e) {
        if (!lasso.active()) {
            return;
        }
        double[] screen = lasso.finish();
        if (screen != null && data != null) {
            float[] polygon = new float[screen.length];
            for (int v = 0; v < screen.length; v += 2) {
                Point2D p = toMap(screen[v], screen[v + 1]);
                polygon[v] = (float) p.getX();
                polygon[v + 1] = (float) p.getY();
            }
            onLasso.accept(polygon);
        }
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

    /**
     * Draws every visible point, one fill colour per class (few state changes), then rings the mistakes; with a
     * selection, the other points first and faded, the selected ones over them.
     */
    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawn = 0;
        if (data == null) {
            return;
        }
        int classes = Math.max(1, data.classNames().size());
        boolean selecting = !selection.isEmpty();
        for (int c = 0; c < classes; c++) {
            Color col = colour(c);
            g.setFill(selecting ? Color.color(col.getRed(), col.getGreen(), col.getBlue(), 0.15) : col);
            drawClass(g, c, selecting ? Boolean.FALSE : null, w, h);
        }
        if (selecting) {
            for (int c = 0; c < classes; c++) {
                g.setFill(colour(c));
                drawClass(g, c, Boolean.TRUE, w, h);
            }
        }
        int n = data.points();
        if (data.predictions() != null) {
            g.setStroke(Color.rgb(20, 20, 20, 0.9));
            g.setLineWidth(1.2);
            double r = RADIUS + 2;
            for (int i = 0; i < n; i++) {
                if (data.wrong(i) && (!selecting || selection.contains(i))) {
                    Point2D p = position(i);
                    g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
                }
            }
        }
        int ring = hovered >= 0 ? hovered : highlighted;
        if (ring >= 0 && ring < n) {
            Point2D p = position(ring);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(p.getX() - 6, p.getY() - 6, 12, 12);
        }
    }

    /** Points of class {@code c}: all ({@code selected} null), or only the selected / unselected ones. */
    private void drawClass(GraphicsContext g, int c, Boolean selected, double w, double h) {
        float[] l = data.layout();
        double d = 2 * RADIUS;
        for (int i = 0, n = data.points(); i < n; i++) {
            if (classOf(i) != c || (selected != null && selection.contains(i) != selected)) {
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

    /** The sample drawn nearest to (mx, my) within a few pixels, or -1. */
    private int nearest(double mx, double my) {
        if (data == null) {
            return -1;
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
        return best;
    }

    private void hover(double mx, double my) {
        int best = nearest(mx, my);
        if (best < 0) {
            hideCard();
            return;
        }
        if (best != hovered) {
            hovered = best;
            card.describe(data, best);
            paint();
            onHover.accept(best);
        }
        card.placeNear(mx, my, getWidth(), getHeight());
    }

    private void hideCard() {
        card.setVisible(false);
        if (hovered >= 0) {
            hovered = -1;
            paint();
            onHover.accept(-1);
        }
    }
}
