package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.LayerType;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The inspector's list of a merge block's inputs, in the order the block reads them, each with the
 * shape it brings. A Concat stacks channels in this order, so its list can be reordered (one undo step
 * per move); an Add's order does not matter and is shown only.
 */
final class MergeInputs {

    private MergeInputs() {
    }

    static boolean applies(Node node) {
        return node.layer().type().maxInputs() > 1;
    }

    static VBox of(Node node, Analysis analysis, DesignViewModel vm) {
        boolean editable = node.layer().type() == LayerType.CONCAT;
        VBox list = new VBox(4);
        list.setId("inspector-inputs");
        Label title = new Label("Inputs, in order");
        title.getStyleClass().add("panel-title");
        list.getChildren().add(title);
        List<String> inputs = node.inputs();
        if (inputs.isEmpty()) {
            Label none = new Label("None yet: connect blocks to its top port.");
            none.getStyleClass().add(Css.TEXT_MUTED);
            list.getChildren().add(none);
        }
        for (int i = 0; i < inputs.size(); i++) {
            String in = inputs.get(i);
            NodeInfo info = analysis == null ? null : analysis.info(in).orElse(null);
            Label index = new Label((i + 1) + ".");
            index.setMinWidth(Region.USE_PREF_SIZE);
            Label name = new Label(in);
            name.getStyleClass().add(Css.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label shape = new Label(info != null && info.known() ? info.output().toString() : "?");
            shape.getStyleClass().add(Css.TEXT_MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(6, index, name, shape, spacer);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("inspector-input-" + i);
            if (editable) {
                int at = i;
                Button up = move(node, at, -1, vm, MaterialDesignA.ARROW_UP, "Earlier: its channels come first");
                Button down = move(node, at, +1, vm, MaterialDesignA.ARROW_DOWN, "Later: its channels come after");
                up.setDisable(at == 0);
                down.setDisable(at == inputs.size() - 1);
                up.setId("inspector-input-up-" + i);
                down.setId("inspector-input-down-" + i);
                row.getChildren().addAll(up, down);
            }
            list.getChildren().add(row);
        }
        Label hint = new Label(editable
                ? "The output stacks the inputs' channels in this order."
                : "Adds the inputs value by value; their shapes must match.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.TEXT_MUTED);
        list.getChildren().add(hint);
        return list;
    }

    private static Button move(Node node, int at, int by, DesignViewModel vm, org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button("", new FontIcon(icon));
        b.getStyleClass().addAll("flat", "small");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> {
            List<String> order = new ArrayList<>(node.inputs());
            String moved = order.remove(at);
            order.add(at + by, moved);
            vm.edit("Reorder inputs of " + node.id(), n -> n.update(node.id(), x -> x.withInputs(order)));
        });
        return b;
    }
}
