package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The design canvas's pointer gestures: on a card, click to select (Shift toggles), drag to move the
 * selection (one undo step on release) or drag from its port to connect; on the background, drag a
 * selection rectangle, or pan with the middle or right button.
 */
final class CanvasGestures {

    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final DesignCanvas canvas;
    private final DesignViewModel vm;
    private final Map<String, BlockCard> cards;
    private final CanvasViewport viewport;
    private final EdgeLayer edges;
    private final Line connectLine;
    private final Rectangle band;

    private Point2D pressWorld;
    private Point2D pressLocal;
    private Map<String, Point2D> dragOrigins;
    private boolean dragMoved;
    private String connectFrom;
    private BlockCard connectTarget;
    private boolean panning;
    private boolean banding;

    CanvasGestures(DesignCanvas canvas, DesignViewModel vm, Map<String, BlockCard> cards, CanvasViewport viewport,
            EdgeLayer edges, Line connectLine, Rectangle band) {
        this.canvas = canvas;
        this.vm = vm;
        this.cards = cards;
        this.viewport = viewport;
        this.edges = edges;
        this.connectLine = connectLine;
        this.band = band;
    }

    /** Listens to the pointer on the canvas background. */
    void installOnCanvas() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
    }

    /** Listens to the pointer on a new card. */
    void installOn(BlockCard card) {
        card.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> cardPressed(card, e));
        card.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> cardDragged(card, e));
        card.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> cardReleased(card, e));
    }

    private Point2D worldAt(MouseEvent e) {
        Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        return viewport.toWorld(local.getX(), local.getY());
    }

    // ------------------------------------------------------------------ cards

    private void cardPressed(BlockCard card, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        canvas.requestFocus();
        pressWorld = worldAt(e);
        if (e.getTarget() == card.outPort()) {
            connectFrom = card.nodeId();
            double sx = card.getLayoutX() + card.getWidth() / 2;
            double sy = card.getLayoutY() + card.getHeight();
            connectLine.setStartX(sx);
            connectLine.setStartY(sy);
            connectLine.setEndX(sx);
            connectLine.setEndY(sy);
            connectLine.setVisible(true);
            e.consume();
            return;
        }
        var sel = vm.getSelection();
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!sel.remove(card.nodeId())) {
                sel.add(card.nodeId());
            }
        } else if (!sel.contains(card.nodeId())) {
            sel.clear();
            sel.add(card.nodeId());
        }
        dragOrigins = new HashMap<>();
        for (String id : sel) {
            BlockCard c = cards.get(id);
            if (c != null) {
                dragOrigins.put(id, new Point2D(c.getLayoutX(), c.getLayoutY()));
            }
        }
        dragMoved = false;
        e.consume();
    }

    private void cardDragged(BlockCard card, MouseEvent e) {
        if (pressWorld == null) {
            return;
        }
        Point2D w = worldAt(e);
        if (connectFrom != null) {
            connectLine.setEndX(w.getX());
            connectLine.setEndY(w.getY());
            BlockCard target = cardAt(w);
            if (target != connectTarget) {
                if (connectTarget != null) {
                    connectTarget.pseudoClassStateChanged(DROP_TARGET, false);
                }
                connectTarget = target != null && !target.nodeId().equals(connectFrom) ? target : null;
                if (connectTarget != null) {
                    connectTarget.pseudoClassStateChanged(DROP_TARGET, true);
                }
            }
        } else if (dragOrigins != null) {
            double dx = w.getX() - pressWorld.getX();
            double dy = w.getY() - pressWorld.getY();
            if (Math.abs(dx) + Math.abs(dy) > 1) {
                dragMoved = true;
            }
            for (var o : dragOrigins.entrySet()) {
                BlockCard c = cards.get(o.getKey());
                if (c != null) {
                    c.relocate(o.getValue().getX() + dx, o.getValue().getY() + dy);
                }
            }
            edges.rebuild();
        }
        e.consume();
    }

    private void cardReleased(BlockCard card, MouseEvent e) {
        if (pressWorld == null) {
            return;
        }
        Point2D w = worldAt(e);
        if (connectFrom != null) {
            connectLine.setVisible(false);
            if (connectTarget != null) {
                connectTarget.pseudoClassStateChanged(DROP_TARGET, false);
            }
            BlockCard target = cardAt(w);
            String from = connectFrom;
            connectFrom = null;
            connectTarget = null;
            if (target != null) {
                vm.connect(from, target.nodeId());
            }
        } else if (dragOrigins != null && dragMoved) {
            double dx = w.getX() - pressWorld.getX();
            double dy = w.getY() - pressWorld.getY();
            List<String> ids = new ArrayList<>(dragOrigins.keySet());
            if (!vm.moveBy(ids, dx, dy)) {
                canvas.rebuild();
            }
        }
        pressWorld = null;
        dragOrigins = null;
        e.consume();
    }

    private BlockCard cardAt(Point2D world) {
        BlockCard hit = null;
        for (BlockCard c : cards.values()) {
            Bounds b = c.getBoundsInParent();
            if (b.contains(world)) {
                hit = c; // last one wins: drawn on top
            }
        }
        return hit;
    }

    // ------------------------------------------------------------------ background

    private void backgroundPressed(MouseEvent e) {
        canvas.requestFocus();
        pressLocal = new Point2D(e.getX(), e.getY());
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
            panning = true;
            pressWorld = new Point2D(viewport.panX(), viewport.panY());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            banding = true;
            if (!e.isShiftDown() && !e.isShortcutDown()) {
                vm.getSelection().clear();
            }
            band.setX(e.getX());
            band.setY(e.getY());
            band.setWidth(0);
            band.setHeight(0);
        }
        e.consume();
    }

    private void backgroundDragged(MouseEvent e) {
        if (panning && pressWorld != null) {
            viewport.panTo(pressWorld.getX() + e.getX() - pressLocal.getX(), pressWorld.getY() + e.getY() - pressLocal.getY());
        } else if (banding) {
            band.setVisible(true);
            band.setX(Math.min(pressLocal.getX(), e.getX()));
            band.setY(Math.min(pressLocal.getY(), e.getY()));
            band.setWidth(Math.abs(e.getX() - pressLocal.getX()));
            band.setHeight(Math.abs(e.getY() - pressLocal.getY()));
        }
        e.consume();
    }

    private void backgroundReleased(MouseEvent e) {
        if (banding && band.isVisible()) {
            Point2D a = viewport.toWorld(band.getX(), band.getY());
            Point2D b = viewport.toWorld(band.getX() + band.getWidth(), band.getY() + band.getHeight());
            BoundingBox box = new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
            for (BlockCard c : cards.values()) {
                if (box.intersects(c.getBoundsInParent())) {
                    vm.getSelection().add(c.nodeId());
                }
            }
        }
        band.setVisible(false);
        banding = false;
        panning = false;
        pressWorld = null;
        e.consume();
    }
}
