package org.convstudio.ui.embed;

import java.util.Arrays;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The lasso being drawn over a map: its own canvas above the points (so drawing it never repaints the points) and
 * the pointer's path in screen coordinates.
 */
final class LassoOverlay {

    private final Canvas canvas = new Canvas();
    private double[] path;
    private int points;

    LassoOverlay() {
        canvas.setMouseTransparent(true);
    }

    Canvas canvas() {
        return canvas;
    }

    boolean active() {
        return path != null;
    }

    void start(double x, double y) {
        path = new double[64];
        points = 0;
        add(x, y);
    }

    /** Adds the pointer's position when it moved at least 2 pixels, and redraws. */
    void drag(double x, double y) {
        if (Math.hypot(x - path[2 * points - 2], y - path[2 * points - 1]) >= 2) {
            add(x, y);
            paint();
        }
    }

    /** Ends the lasso: its path (x, y interleaved, screen coordinates) or null when it has fewer than 3 points. */
    double[] finish() {
        double[] done = points >= 3 ? Arrays.copyOf(path, 2 * points) : null;
        path = null;
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return done;
    }

    private void add(double x, double y) {
        if (2 * points + 2 > path.length) {
            path = Arrays.copyOf(path, 2 * path.length);
        }
        path[2 * points] = x;
        path[2 * points + 1] = y;
        points++;
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.rgb(30, 30, 30, 0.85));
        g.setFill(Color.rgb(60, 120, 220, 0.12));
        g.setLineWidth(1.5);
        g.setLineDashes(5, 4);
        g.beginPath();
        g.moveTo(path[0], path[1]);
        for (int v = 1; v < points; v++) {
            g.lineTo(path[2 * v], path[2 * v + 1]);
        }
        g.closePath();
        g.fill();
        g.stroke();
        g.setLineDashes();
    }
}
