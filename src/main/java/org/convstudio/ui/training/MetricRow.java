package org.convstudio.ui.training;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The metric tiles of the dashboard in as few rows as their text allows: one row of equal tiles when the
 * widest tile's text fits, else two or more rows (Large Text on a small screen), so a caption or value is
 * never cut to "…".
 */
final class MetricRow extends Pane {

    private final double gap;

    MetricRow(double gap, Node... tiles) {
        super(tiles);
        this.gap = gap;
    }

    /** The widest tile's preferred width: no tile is narrower. */
    private double tileWidth() {
        double w = 0;
        for (Node n : getManagedChildren()) {
            w = Math.max(w, n.prefWidth(-1));
        }
        return w;
    }

    private int columns(double width) {
        int n = getManagedChildren().size();
        if (n == 0) {
            return 1;
        }
        double tile = tileWidth();
        int cols = (int) Math.floor((width - insetsWidth() + gap) / (tile + gap));
        return Math.max(1, Math.min(n, cols));
    }

    private double insetsWidth() {
        Insets in = getInsets();
        return in.getLeft() + in.getRight();
    }

    private double rowHeight() {
        double h = 0;
        for (Node n : getManagedChildren()) {
            h = Math.max(h, n.prefHeight(-1));
        }
        return h;
    }

    @Override
    protected double computeMinWidth(double height) {
        return tileWidth() + insetsWidth();
    }

    @Override
    protected double computePrefWidth(double height) {
        int n = getManagedChildren().size();
        return n * tileWidth() + Math.max(0, n - 1) * gap + insetsWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        int n = getManagedChildren().size();
        int cols = columns(width < 0 ? computePrefWidth(-1) : width);
        int rows = (n + cols - 1) / cols;
        Insets in = getInsets();
        return rows * rowHeight() + Math.max(0, rows - 1) * gap + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected void layoutChildren() {
        var tiles = getManagedChildren();
        int n = tiles.size();
        if (n == 0) {
            return;
        }
        Insets in = getInsets();
        double width = getWidth() - insetsWidth();
        int cols = columns(getWidth());
        double tile = (width - (cols - 1) * gap) / cols;
        double h = rowHeight();
        for (int i = 0; i < n; i++) {
            int r = i / cols;
            int c = i % cols;
            tiles.get(i).resizeRelocate(snapPositionX(in.getLeft() + c * (tile + gap)),
                    snapPositionY(in.getTop() + r * (h + gap)), snapSizeX(tile), snapSizeY(h));
        }
    }
}
