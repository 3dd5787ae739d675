package org.convstudio.ui.editor;

import javafx.geometry.Point2D;
import org.convstudio.model.layer.LayerType;

/**
 * Palette blocks arriving on the design canvas: dropped at the pointer, inserted into a connection
 * when dropped onto one, or added at the centre of the view.
 */
final class CanvasDrops {

    /** How close (screen pixels) a drop must come to a connection to land on it. */
    static final double EDGE_HIT_PIXELS = 14;

    private final DesignCanvas canvas;
    private final DesignViewModel vm;
    private final CanvasViewport viewport;
    private final EdgeLayer edges;

    CanvasDrops(DesignCanvas canvas, DesignViewModel vm, CanvasViewport viewport, EdgeLayer edges) {
        this.canvas = canvas;
        this.vm = vm;
        this.viewport = viewport;
        this.edges = edges;
    }

    /** True if the scene point lies on the canvas. */
    boolean containsScene(double sceneX, double sceneY) {
        Point2D p = canvas.sceneToLocal(sceneX, sceneY);
        return p != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() <= canvas.getWidth() && p.getY() <= canvas.getHeight();
    }

    /**
     * Drops a new block of {@code type} centred at the scene point. Dropped onto a connection, a block
     * that takes one input is inserted there (the connection now runs through it).
     */
    String dropBlock(LayerType type, double sceneX, double sceneY) {
        Point2D local = canvas.sceneToLocal(sceneX, sceneY);
        Point2D w = viewport.toWorld(local.getX(), local.getY());
        double x = w.getX() - BlockCard.WIDTH / 2;
        double y = w.getY() - 30;
        if (type.minInputs() == 1 && type.maxInputs() == 1) {
            String[] edge = edges.edgeAt(w, EDGE_HIT_PIXELS / viewport.getZoom());
            if (edge != null) {
                String id = vm.insertBlock(type, edge[0], edge[1], x, y);
                if (viewport.isAutoFit()) {
                    viewport.fitWhenShown(); // the design grew to make room: keep it all in view
                }
                return id;
            }
        }
        return vm.addBlock(type, x, y);
    }

    /** Adds a block at the centre of the visible area. */
    String addAtCentre(LayerType type) {
        Point2D w = viewport.toWorld(canvas.getWidth() / 2, canvas.getHeight() / 2);
        return vm.addBlock(type, w.getX() - BlockCard.WIDTH / 2, w.getY() - 30);
    }
}
