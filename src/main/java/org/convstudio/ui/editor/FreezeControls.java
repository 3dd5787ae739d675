package org.convstudio.ui.editor;

import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.convstudio.model.analysis.ClassFit;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.analysis.TrainableCount;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Dense;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Fine-tuning in the designer: the inspector's "Trainable" switch (untick to freeze a block: training keeps its
 * weights, and its parameters count as non-trainable) and "Replace classifier head…" (a new number of classes
 * for the Dense block that scores them). Both are undoable edits of {@link DesignViewModel}.
 */
final class FreezeControls {

    private FreezeControls() {
    }

    /** The switch for {@code node}, or null when the block has no parameters to freeze. */
    static CheckBox trainableSwitch(DesignViewModel vm, Node node, NodeInfo info, Runnable beforeEdit, Runnable afterEdit) {
        boolean hasParams = info != null && info.known() && (info.trainableParams() > 0 || !node.trainable()
                && info.nonTrainableParams() > 0);
        if (!hasParams && node.trainable()) {
            return null;
        }
        CheckBox c = new CheckBox("Trainable");
        c.setId("field-trainable");
        c.setSelected(node.trainable());
        c.setTooltip(new Tooltip("Untick to freeze this block: training keeps its weights (fine-tuning a pretrained "
                + "backbone), and its parameters count as non-trainable."));
        c.selectedProperty().addListener((o, a, on) -> {
            beforeEdit.run();
            try {
                vm.setTrainable(node.id(), on);
            } finally {
                afterEdit.run();
            }
        });
        return c;
    }

    /** The design's "N of M parameters train" line and the Replace classifier head button, for the inspector. */
    static VBox designTools(DesignViewModel vm) {
        Label share = new Label(vm.getAnalysis() == null ? "" : TrainableCount.of(vm.getAnalysis()).sentence());
        share.setId("inspector-trainable-share");
        share.setWrapText(true);
        share.getStyleClass().add(Css.TEXT_MUTED);
        Button head = new Button("Replace classifier head…", new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        head.setId("inspector-replace-head");
        head.setDisable(ClassFit.headId(vm.getAnalysis()).isEmpty());
        head.setTooltip(new Tooltip("Give the Dense block that scores the classes a new number of units (transfer learning: "
                + "freeze the blocks before it, then train on the new classes)."));
        head.setOnAction(e -> askHead(head.getScene().getWindow(), vm));
        return new VBox(8, share, head);
    }

    /** Asks for the number of classes and replaces the head (one undo step), or says why it cannot. */
    static void askHead(Window owner, DesignViewModel vm) {
        Optional<String> id = ClassFit.headId(vm.getAnalysis());
        int current = id.flatMap(h -> vm.getNetwork().node(h)).map(n -> n.layer() instanceof Dense d ? d.units() : 0).orElse(0);
        int suggested = vm.dataClassesProperty().get() > 1 ? vm.dataClassesProperty().get() : current;
        TextInputDialog d = new TextInputDialog(Integer.toString(suggested));
        d.initOwner(owner);
        d.setTitle("Replace classifier head");
        d.setHeaderText(id.map(h -> "New number of classes for " + h + " (now " + current + " units)")
                .orElse("This design has no classifier head"));
        d.setContentText("Classes:");
        d.getDialogPane().setId("replace-head-dialog");
        Optional<String> answer = d.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        String why;
        try {
            why = vm.replaceClassifierHead(Integer.parseInt(answer.get().strip()));
        } catch (NumberFormatException e) {
            why = "The number of classes must be a whole number, like 10.";
        }
        if (!why.isEmpty()) {
            Alert a = new Alert(Alert.AlertType.WARNING, why, ButtonType.OK);
            a.initOwner(owner);
            a.setHeaderText("The classifier head was not replaced");
            a.show();
        }
    }
}
