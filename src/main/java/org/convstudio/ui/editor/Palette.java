package org.convstudio.ui.editor;

import java.util.function.Consumer;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.convstudio.model.layer.LayerType;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The block palette, grouped as in {@link LayerType.Group}. Drag a block onto the canvas (a plain
 * press–drag–release gesture with a ghost, no platform drag-and-drop), or double-click to add it at
 * the centre of the view.
 */
public final class Palette extends ScrollPane {

    private final DesignCanvas canvas;
    private final Pane overlay;
    private final Consumer<String> added;
    private Label ghost;

    public Palette(DesignCanvas canvas, Pane overlay, Consumer<String> added) {
        this.canvas = canvas;
        this.overlay = overlay;
        this.added = added;
        VBox box = new VBox(2);
        box.getStyleClass().add("palette");
        Label title = new Label("Blocks");
        title.getStyleClass().add("panel-title");
        box.getChildren().add(title);
        for (LayerType.Group g : LayerType.Group.values()) {
            Label header = new Label(g.title().toUpperCase());
            header.getStyleClass().add("palette-group");
            box.getChildren().add(header);
            for (LayerType t : LayerType.values()) {
                if (t.group() == g) {
                    box.getChildren().add(item(t));
                }
            }
        }
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().addAll("palette-scroll", "edge-to-edge");
        setId("palette");
    }

    private HBox item(LayerType t) {
        FontIcon icon = new FontIcon(BlockIcons.of(t));
        Label name = new Label(t.title());
        HBox row = new HBox(10, icon, name);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("palette-item", BlockIcons.groupClass(t));
        row.setId("palette-" + t.id());
        Tooltip tip = new Tooltip(t.description() + "\nDrag onto the canvas, or double-click to add.");
        tip.setShowDelay(Duration.millis(400));
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        Tooltip.install(row, tip);
        row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                added.accept(canvas.addAtCentre(t));
            }
        });
        row.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (ghost == null) {
                ghost = new Label(t.title(), new FontIcon(BlockIcons.of(t)));
                ghost.getStyleClass().add("palette-ghost");
                ghost.setMouseTransparent(true);
                ghost.setManaged(false);
                overlay.getChildren().add(ghost);
            }
            Point2D p = overlay.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.autosize();
            ghost.relocate(p.getX() - ghost.getWidth() / 2, p.getY() - ghost.getHeight() / 2);
            ghost.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over-canvas"),
                    canvas.containsScene(e.getSceneX(), e.getSceneY()));
            e.consume();
        });
        row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (ghost != null) {
                overlay.getChildren().remove(ghost);
                ghost = null;
                if (canvas.containsScene(e.getSceneX(), e.getSceneY())) {
                    added.accept(canvas.dropBlock(t, e.getSceneX(), e.getSceneY()));
                }
            }
        });
        return row;
    }
}
