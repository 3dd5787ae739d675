package org.convstudio.ui.editor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Transform;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.graph.AutoLayout;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.LayerType;

/**
 * The design canvas: block cards and connections on a zoomable, pannable world.
 *
 * <ul>
 *   <li>Drag a card to move it (all selected cards move; one undo step on release).</li>
 *   <li>Drag from a card's bottom port onto another card to connect.</li>
 *   <li>Click selects; Shift-click toggles; drag on the background draws a selection rectangle.</li>
 *   <li>Scroll or middle/right-drag pans; Ctrl+scroll or pinch zooms around the pointer.</li>
 * </ul>
 *
 * This class keeps the cards in step with the model, runs Auto Layout and exports; connections are drawn
 * by {@link EdgeLayer}, the pointer handled by {@link CanvasGestures}, pan and zoom kept by
 * {@link CanvasViewport}, and palette blocks placed by {@link CanvasDrops}.
 */
public final class DesignCanvas extends Region {

    public static final double MIN_ZOOM = 0.2;
    public static final double MAX_ZOOM = 3;

    private final DesignViewModel vm;
    private final Pane world = new Pane();
    private final Pane diagram = new Pane();
    private final Pane cardLayer = new Pane();
    private final Line connectLine = new Line();
    private final Rectangle band = new Rectangle();
    private final Map<String, BlockCard> cards = new LinkedHashMap<>();
    private final EdgeLayer edges;
    private final CanvasViewport viewport;
    private final CanvasGestures gestures;
    private final CanvasDrops drops;

    private boolean pendingRelayout;
    private AutoLayout.Result lastLayout;
    private double lastAspect;
    private volatile boolean layingOut;
    private List<Double> lastHeights = List.of();

    public DesignCanvas(DesignViewModel vm) {
        this.vm = vm;
        this.edges = new EdgeLayer(vm, cards);
        getStyleClass().add("design-canvas");
        setId("design-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        world.setManaged(false);
        viewport = new CanvasViewport(this, cards);
        viewport.install(world);
        world.setPickOnBounds(false);
        diagram.setPickOnBounds(false);
        cardLayer.setPickOnBounds(false);
        diagram.getChildren().addAll(edges, cardLayer);
        connectLine.getStyleClass().add("connect-line");
        connectLine.setVisible(false);
        connectLine.setMouseTransparent(true);
        world.getChildren().addAll(diagram, connectLine);

        band.getStyleClass().add("selection-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        getChildren().addAll(world, band);

        gestures = new CanvasGestures(this, vm, cards, viewport, edges, connectLine, band);
        gestures.installOnCanvas();
        drops = new CanvasDrops(this, vm, viewport, edges);
        addEventHandler(ScrollEvent.SCROLL, viewport::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));

        vm.networkProperty().addListener((o, a, n) -> rebuild());
        vm.getSelection().addListener((javafx.collections.SetChangeListener<String>) c -> showSelection());
        rebuild();
    }

    // ------------------------------------------------------------------ model → view

    /** Brings the cards in step with the network (created, updated, placed, removed). */
    void rebuild() {
        Network net = vm.getNetwork();
        Analysis analysis = vm.getAnalysis();
        Map<String, BlockCard> keep = new HashMap<>();
        for (Node n : net.nodes()) {
            BlockCard card = cards.get(n.id());
            if (card == null) {
                card = createCard(n.id());
            }
            NodeInfo info = analysis == null ? null : analysis.info(n.id()).orElse(null);
            card.update(n, info, analysis == null ? List.of() : analysis.problemsFor(n.id()));
            card.relocate(n.x(), n.y());
            keep.put(n.id(), card);
        }
        for (var it = cards.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!keep.containsKey(e.getKey())) {
                cardLayer.getChildren().remove(e.getValue());
                it.remove();
            }
        }
        for (Node n : net.nodes()) {
            cards.putIfAbsent(n.id(), keep.get(n.id()));
        }
        showSelection();
        requestLayout();
    }

    private BlockCard createCard(String id) {
        BlockCard card = new BlockCard(id);
        card.setHorizontal(edges.isHorizontal());
        gestures.installOn(card);
        card.setOnContextMenuRequested(e -> {
            if (!vm.getSelection().contains(id)) {
                vm.getSelection().clear();
                vm.getSelection().add(id);
            }
            MenuItem dup = new MenuItem("Duplicate");
            dup.setOnAction(a -> vm.duplicateSelection());
            MenuItem del = new MenuItem("Delete");
            del.setOnAction(a -> vm.deleteSelection());
            new ContextMenu(dup, del).show(card, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        cards.put(id, card);
        cardLayer.getChildren().add(card);
        return card;
    }

    private void showSelection() {
        for (var e : cards.entrySet()) {
            e.getValue().setSelected(vm.getSelection().contains(e.getKey()));
        }
    }

    // ------------------------------------------------------------------ layout

    /**
     * Lays {@code net} out with the measured sizes of the cards (estimated for blocks not shown yet) for
     * this canvas's shape, and remembers the routes so that they are drawn while the blocks stay put.
     */
    public Network layoutNetwork(Network net) {
        AutoLayout.Sizes sz = sizes();
        double aspect = aspect();
        List<Double> heights = net.nodes().stream().map(sz::height).toList();
        if (lastLayout != null && net.equals(lastLayout.network()) && Math.abs(aspect - lastAspect) < 0.05
                && heights.equals(lastHeights)) {
            return net; // already laid out for this view and these cards (a held-down Ctrl+L)
        }
        AutoLayout.Result r = AutoLayout.layout(net, sz, aspect);
        lastLayout = r;
        lastAspect = aspect;
        lastHeights = heights;
        edges.remember(r, 0, 0);
        return r.network();
    }

    /**
     * For a design opened from a file: if its blocks stand where the layout would put them (moved as a
     * whole), the layout's routes are used; otherwise connections are drawn as curves until Auto Layout.
     */
    public void adoptRoutes() {
        Network net = vm.getNetwork();
        if (net.nodes().isEmpty()) {
            return;
        }
        AutoLayout.Sizes sizes = sizes();
        for (boolean h : new boolean[] {false, true}) {
            AutoLayout.Result r = AutoLayout.layout(net, sizes, aspect(), h);
            Node first = net.nodes().get(0);
            Node laid = r.network().node(first.id()).orElseThrow();
            double dx = first.x() - laid.x();
            double dy = first.y() - laid.y();
            boolean same = net.nodes().stream().allMatch(n -> {
                Node m = r.network().node(n.id()).orElseThrow();
                return Math.abs(m.x() + dx - n.x()) < 1.5 && Math.abs(m.y() + dy - n.y()) < 1.5;
            });
            if (same) {
                edges.remember(r, dx, dy);
                rebuild();
                return;
            }
        }
    }

    /** Lays the loaded design out again once its cards have their real sizes (presets, new designs). */
    public void relayoutWhenShown() {
        pendingRelayout = true;
        requestLayout();
    }

    /** Whether the connection {@code from → to} is drawn along a routed path (tests). */
    public boolean isRouted(String from, String to) {
        return edges.isRouted(from, to);
    }

    /** The drawn points of connection {@code from → to} (x0, y0, x1, y1...), empty if not drawn. */
    public List<Double> edgePoints(String from, String to) {
        return edges.edgePoints(from, to);
    }

    /** A background layout (preset, start-up) is under way (tests). */
    public boolean isLayingOut() {
        return layingOut || pendingRelayout;
    }

    public boolean isHorizontal() {
        return edges.isHorizontal();
    }

    /** The cards' heights, measured once per layout (CSS is applied only to cards never laid out yet). */
    private AutoLayout.Sizes sizes() {
        Map<String, Double> heights = new HashMap<>();
        if (getScene() != null && cards.values().stream().anyMatch(c -> c.getHeight() <= 0)) {
            applyCss(); // once for all new cards (per card it would restyle the whole scene each time)
        }
        for (var e : cards.entrySet()) {
            BlockCard c = e.getValue();
            if (c.getScene() == null) {
                continue;
            }
            heights.put(e.getKey(), Math.ceil(c.prefHeight(BlockCard.WIDTH)));
        }
        return new AutoLayout.Sizes() {
            @Override
            public double width(Node n) {
                return BlockCard.WIDTH;
            }

            @Override
            public double height(Node n) {
                return heights.getOrDefault(n.id(), AutoLayout.DEFAULT_HEIGHT);
            }
        };
    }

    private double aspect() {
        return getWidth() > 50 && getHeight() > 50 ? getWidth() / getHeight() : AutoLayout.DEFAULT_ASPECT;
    }

    @Override
    protected void layoutChildren() {
        world.resize(Math.max(1, getWidth()), Math.max(1, getHeight()));
        world.layout();
        edges.rebuild();
        if (pendingRelayout && getWidth() > 0 && getScene() != null) {
            pendingRelayout = false;
            // measured here, laid out on a worker (the first layout loads ELK: seconds on a busy machine)
            Network net = vm.getNetwork();
            AutoLayout.Sizes sizes = sizes();
            Map<String, double[]> measured = new HashMap<>();
            for (Node n : net.nodes()) {
                measured.put(n.id(), new double[] {sizes.width(n), sizes.height(n)});
            }
            double aspect = aspect();
            layingOut = true;
            org.convstudio.ui.common.Background.submit(() -> AutoLayout.layout(net, AutoLayout.Sizes.of(measured), aspect),
                    r -> {
                        layingOut = false;
                        if (vm.getNetwork() == net) { // not edited meanwhile
                            lastLayout = r;
                            lastAspect = aspect;
                            edges.remember(r, 0, 0);
                            vm.load(r.network(), vm.getFile());
                            fit();
                        }
                    }, e -> layingOut = false);
        }
        viewport.fitIfPending();
    }

    // ------------------------------------------------------------------ view transforms

    public double getZoom() {
        return viewport.getZoom();
    }

    /** The zoom factor (1 = 100 %), observable. */
    public javafx.beans.value.ObservableDoubleValue zoomProperty() {
        return viewport.zoomProperty();
    }

    /**
     * Large Text (projector): the whole diagram is drawn this much larger at "actual size" and when
     * fitted, so blocks, text and connections grow together.
     */
    public void setPresentationScale(double s) {
        viewport.setPresentationScale(s);
    }

    public double getPresentationScale() {
        return viewport.getPresentationScale();
    }

    public void setZoom(double z) {
        viewport.setZoom(z);
    }

    /** Multiplies the zoom by {@code factor}, keeping the point under ({@code x}, {@code y}) fixed. */
    public void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
    }

    /** Zooms and pans so the whole design is visible (at most 100 %). */
    public void fit() {
        viewport.fit();
    }

    /** Fits once the canvas has a size (used after loading a design). */
    public void fitWhenShown() {
        viewport.fitWhenShown();
    }

    /** Canvas-local point → world (design) coordinates. */
    public Point2D toWorld(double x, double y) {
        return viewport.toWorld(x, y);
    }

    /** World (design) point → canvas-local coordinates. */
    public Point2D toLocal(double wx, double wy) {
        return viewport.toLocal(wx, wy);
    }

    // ------------------------------------------------------------------ palette drops

    /** True if the scene point lies on the canvas (palette drops). */
    public boolean containsScene(double sceneX, double sceneY) {
        return drops.containsScene(sceneX, sceneY);
    }

    /**
     * Drops a new block of {@code type} centred at the scene point. Dropped onto a connection, a block
     * that takes one input is inserted there (the connection now runs through it).
     */
    public String dropBlock(LayerType type, double sceneX, double sceneY) {
        return drops.dropBlock(type, sceneX, sceneY);
    }

    /** Adds a block at the centre of the visible area (palette double-click). */
    public String addAtCentre(LayerType type) {
        return drops.addAtCentre(type);
    }

    public BlockCard card(String id) {
        return cards.get(id);
    }

    // ------------------------------------------------------------------ export

    /** Renders the whole diagram at {@code pixelScale} on the given background. FX thread. */
    public WritableImage renderDiagram(double pixelScale, Color background) {
        layout();
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(background);
        p.setTransform(Transform.scale(pixelScale, pixelScale));
        Rectangle2D b = viewport.contentBounds();
        if (b != null) {
            double m = 24;
            p.setViewport(new Rectangle2D((b.getMinX() - m) * pixelScale, (b.getMinY() - m) * pixelScale,
                    (b.getWidth() + 2 * m) * pixelScale, (b.getHeight() + 2 * m) * pixelScale));
        }
        return diagram.snapshot(p, null);
    }
}
