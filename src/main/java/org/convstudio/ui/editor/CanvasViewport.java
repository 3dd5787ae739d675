package org.convstudio.ui.editor;

import java.util.Map;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The design canvas's view of its world: pan and zoom (around a point, to fit, scrolled), the
 * presentation scale for Large Text, and conversions between canvas and world coordinates.
 */
final class CanvasViewport {

    private final Region canvas;
    private final Map<String, BlockCard> cards;
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private double presentationScale = 1;
    private boolean pendingFit;
    /** True from a fit until the user zooms or pans: resizing the window then fits the design again. */
    private boolean autoFit;

    CanvasViewport(Region canvas, Map<String, BlockCard> cards) {
        this.canvas = canvas;
        this.cards = cards;
        refitOnResize();
    }

    /** Attaches the pan and zoom to the node drawn in world coordinates. */
    void install(javafx.scene.Node world) {
        world.getTransforms().addAll(pan, scale);
    }

    double getZoom() {
        return scale.getX();
    }

    ObservableDoubleValue zoomProperty() {
        return scale.xProperty();
    }

    boolean isAutoFit() {
        return autoFit;
    }

    double panX() {
        return pan.getX();
    }

    double panY() {
        return pan.getY();
    }

    /** Pans to ({@code x}, {@code y}) because the user dragged: the view no longer follows the window size. */
    void panTo(double x, double y) {
        autoFit = false;
        pan.setX(x);
        pan.setY(y);
    }

    void setPresentationScale(double s) {
        if (s != presentationScale) {
            double k = s / presentationScale;
            presentationScale = s;
            if (autoFit) {
                fit();
            } else {
                zoomAt(k, canvas.getWidth() / 2, canvas.getHeight() / 2);
            }
        }
    }

    double getPresentationScale() {
        return presentationScale;
    }

    void setZoom(double z) {
        zoomAt(z / getZoom(), canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Multiplies the zoom by {@code factor}, keeping the point under ({@code x}, {@code y}) fixed. */
    void zoomAt(double factor, double x, double y) {
        double old = getZoom();
        double z = Math.max(DesignCanvas.MIN_ZOOM, Math.min(DesignCanvas.MAX_ZOOM * presentationScale, old * factor));
        if (z == old) {
            return;
        }
        double k = z / old;
        autoFit = false;
        pan.setX(x - (x - pan.getX()) * k);
        pan.setY(y - (y - pan.getY()) * k);
        scale.setX(z);
        scale.setY(z);
    }

    /** Scroll pans; Ctrl+scroll zooms around the pointer. */
    void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        } else {
            autoFit = false;
            pan.setX(pan.getX() + e.getDeltaX());
            pan.setY(pan.getY() + e.getDeltaY());
        }
        e.consume();
    }

    /** Zooms and pans so the whole design is visible (at most 100 %). */
    void fit() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (width <= 0 || height <= 0) {
            pendingFit = true;
            canvas.requestLayout();
            return;
        }
        Rectangle2D b = contentBounds();
        if (b == null) {
            scale.setX(1);
            scale.setY(1);
            pan.setX(0);
            pan.setY(0);
            return;
        }
        double margin = 48;
        double z = Math.min((width - 2 * margin) / b.getWidth(), (height - 2 * margin) / b.getHeight());
        z = Math.max(DesignCanvas.MIN_ZOOM, Math.min(presentationScale, z));
        scale.setX(z);
        scale.setY(z);
        pan.setX((width - b.getWidth() * z) / 2 - b.getMinX() * z);
        pan.setY(Math.max(margin / 2, (height - b.getHeight() * z) / 2) - b.getMinY() * z);
        autoFit = true;
    }

    /** Fits again when the canvas is resized, as long as the user has not zoomed or panned since. */
    private void refitOnResize() {
        ChangeListener<Number> refit = (o, a, b) -> {
            if (autoFit && !pendingFit) {
                Platform.runLater(() -> {
                    if (autoFit) {
                        fit();
                    }
                });
            }
        };
        canvas.widthProperty().addListener(refit);
        canvas.heightProperty().addListener(refit);
    }

    /** Fits once the canvas has a size (used after loading a design). */
    void fitWhenShown() {
        pendingFit = true;
        canvas.requestLayout();
    }

    /** Called from the canvas's layout pass: does a fit asked for before the canvas had a size or cards. */
    void fitIfPending() {
        if (pendingFit && canvas.getWidth() > 0 && !cards.isEmpty()) {
            pendingFit = false;
            fit();
        }
    }

    /** The world rectangle the cards cover, or null without cards. */
    Rectangle2D contentBounds() {
        if (cards.isEmpty()) {
            return null;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (BlockCard c : cards.values()) {
            double h = c.getHeight() > 0 ? c.getHeight() : c.prefHeight(BlockCard.WIDTH);
            minX = Math.min(minX, c.getLayoutX());
            minY = Math.min(minY, c.getLayoutY());
            maxX = Math.max(maxX, c.getLayoutX() + BlockCard.WIDTH);
            maxY = Math.max(maxY, c.getLayoutY() + h);
        }
        return new Rectangle2D(minX, minY, Math.max(1, maxX - minX), Math.max(1, maxY - minY));
    }

    /** Canvas-local point → world (design) coordinates. */
    Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / getZoom(), (y - pan.getY()) / getZoom());
    }

    /** World (design) point → canvas-local coordinates. */
    Point2D toLocal(double wx, double wy) {
        return new Point2D(pan.getX() + wx * getZoom(), pan.getY() + wy * getZoom());
    }
}
