package org.convstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.ui.common.Css;

/**
 * Edits a convolution's connection table (which input channels each filter reads, as LeNet-5's C3) as a
 * grid of check boxes: rows are input channels, columns filters. The model checks the table as you tick
 * (every filter must read at least one channel); OK applies it as one undoable design edit.
 */
final class ConnectionTableEditor extends VBox {

    /** Applies a checked layer to the design. */
    @FunctionalInterface
    interface Apply {
        void layer(Conv2d layer);
    }

    private final Conv2d layer;
    private final CheckBox[][] boxes;
    private final Label message = new Label();

    /**
     * @param inChannels channels of the block's input (the table's rows)
     */
    ConnectionTableEditor(Conv2d layer, int inChannels) {
        super(10);
        this.layer = layer;
        int filters = layer.filters();
        boxes = new CheckBox[inChannels][filters];
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setId("connection-grid");
        for (int f = 0; f < filters; f++) {
            Label h = new Label(Integer.toString(f));
            h.setMinWidth(22);
            h.setAlignment(Pos.CENTER);
            grid.add(h, f + 1, 0);
        }
        for (int c = 0; c < inChannels; c++) {
            grid.add(new Label("in " + c), 0, c + 1);
            for (int f = 0; f < filters; f++) {
                CheckBox b = new CheckBox();
                b.setId("connection-" + c + "-" + f);
                b.setTooltip(new Tooltip("filter " + f + " reads input channel " + c));
                b.setSelected(reads(layer, f, c));
                b.selectedProperty().addListener((o, was, now) -> check());
                boxes[c][f] = b;
                grid.add(b, f + 1, c + 1);
            }
        }
        Label help = new Label("Columns are the " + filters + " filters, rows the " + inChannels
                + " input channels: a tick means the filter reads that channel. Every filter needs at least one.");
        help.setWrapText(true);
        help.setMaxWidth(Math.max(360, 24 * (filters + 2)));
        message.setId("connection-message");
        message.setWrapText(true);
        message.getStyleClass().add("validation-message");
        getChildren().addAll(help, grid, message);
        setPadding(new Insets(4));
        check();
    }

    private static boolean reads(Conv2d layer, int filter, int channel) {
        return layer.connections().isEmpty() || layer.connections().get(filter).contains(channel);
    }

    /** The table as ticked: one row per filter, the channels it reads. */
    List<List<Integer>> table() {
        List<List<Integer>> t = new ArrayList<>();
        for (int f = 0; f < boxes[0].length; f++) {
            List<Integer> row = new ArrayList<>();
            for (int c = 0; c < boxes.length; c++) {
                if (boxes[c][f].isSelected()) {
                    row.add(c);
                }
            }
            t.add(row);
        }
        return t;
    }

    /** The layer with the ticked table (every box ticked: no table), or empty with the reason shown. */
    Optional<Conv2d> result() {
        List<List<Integer>> t = table();
        boolean all = t.stream().allMatch(r -> r.size() == boxes.length);
        try {
            Conv2d out = layer.withConnections(all ? List.of() : t);
            message.setText(all ? "Every filter reads every channel: an ordinary convolution." : "");
            return Optional.of(out);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private boolean check() {
        return result().isPresent();
    }

    CheckBox box(int channel, int filter) {
        return boxes[channel][filter];
    }

    /**
     * The inspector's row for a convolution: "connection table: 16 rows" and Edit…, which opens the editor
     * (OK applies the table as one undoable edit of the design).
     */
    static javafx.scene.Node row(DesignViewModel vm, org.convstudio.model.graph.Node node, int rows,
            java.util.function.Supplier<javafx.scene.Scene> scene) {
        Label l = new Label(rows == 0 ? "connection table: none" : "connection table: " + rows + " rows");
        l.getStyleClass().add(Css.TEXT_MUTED);
        Button edit = new Button("Edit…");
        edit.setId("field-connections");
        int in = node.inputs().isEmpty() ? 0 : vm.analysisProperty().get() == null ? 0
                : vm.analysisProperty().get().info(node.inputs().get(0)).map(i -> i.output().channels()).orElse(0);
        edit.setDisable(in == 0 || !(node.layer() instanceof Conv2d));
        String id = node.id();
        edit.setOnAction(e -> open(scene.get() == null ? null : scene.get().getWindow(), id,
                (Conv2d) node.layer(), in, layer -> vm.setLayer(id, layer, null)));
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, l, edit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Opens the editor in a dialog owned by {@code owner}; OK hands the edited layer to {@code apply}. */
    static Dialog<ButtonType> open(Window owner, String blockId, Conv2d layer, int inChannels, Apply apply) {
        ConnectionTableEditor editor = new ConnectionTableEditor(layer, inChannels);
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Connection table of " + blockId);
        d.setHeaderText("Which input channels each filter of " + blockId + " reads");
        d.getDialogPane().setContent(editor);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("connection-dialog");
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("connection-ok");
        ok.setDisable(!editor.check());
        for (CheckBox[] row : editor.boxes) {
            for (CheckBox b : row) {
                b.selectedProperty().addListener((o, a, c) -> ok.setDisable(!editor.check()));
            }
        }
        d.setOnHidden(e -> {
            if (d.getResult() != null && d.getResult().getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                editor.result().ifPresent(apply::layer);
            }
        });
        d.show();
        return d;
    }
}
