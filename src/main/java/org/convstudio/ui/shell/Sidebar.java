package org.convstudio.ui.shell;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.ui.common.Workspace;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** The main window's left bar: the brand and one toggle button per workspace (Ctrl+1 … in their order). */
final class Sidebar {

    private Sidebar() {
    }

    /**
     * @param buttons receives each workspace's button by id
     * @param show    shows a workspace by id
     */
    static Node build(Collection<Workspace> workspaces, ToggleGroup nav, Map<String, ToggleButton> buttons,
                      Consumer<String> show) {
        VBox bar = new VBox(4);
        bar.getStyleClass().add("sidebar");
        bar.setId("sidebar");
        bar.setAlignment(Pos.TOP_CENTER);

        FontIcon logo = new FontIcon(MaterialDesignD.DOTS_HEXAGON);
        logo.getStyleClass().add("sidebar-logo");
        Label brand = new Label("ConvStudio", logo);
        brand.setContentDisplay(ContentDisplay.TOP);
        brand.getStyleClass().add("sidebar-brand");
        bar.getChildren().add(brand);

        int index = 1;
        for (Workspace w : workspaces) {
            ToggleButton b = new ToggleButton(w.title(), new FontIcon(w.icon()));
            b.setId("nav-" + w.id());
            b.setToggleGroup(nav);
            b.setContentDisplay(ContentDisplay.TOP);
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(w.description() + "  (Ctrl+" + index + ")"));
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true); // keep one selected
                }
                show.accept(w.id());
            });
            buttons.put(w.id(), b);
            bar.getChildren().add(b);
            index++;
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        bar.getChildren().add(spacer);
        return bar;
    }
}
