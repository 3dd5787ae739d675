package org.convstudio.ui.editor;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.ui.common.Css;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The inspector's read-only part for one block: its problems, its merge inputs, and its facts (output
 * shape, parameters, multiply-adds, values out, receptive field).
 */
final class BlockFacts {

    private final DesignViewModel vm;
    final VBox facts = new VBox(4);
    final VBox problems = new VBox(6);
    final VBox inputs = new VBox();

    BlockFacts(DesignViewModel vm) {
        this.vm = vm;
    }

    /** Shows the facts, problems and merge inputs of block {@code shownId} (nothing if null). */
    void update(String shownId) {
        Analysis a = vm.getAnalysis();
        facts.getChildren().clear();
        problems.getChildren().clear();
        inputs.getChildren().clear();
        if (shownId == null || a == null) {
            return;
        }
        vm.getNetwork().node(shownId).filter(MergeInputs::applies)
                .ifPresent(n -> inputs.getChildren().setAll(MergeInputs.of(n, a, vm)));
        NodeInfo info = a.info(shownId).orElse(null);
        if (info != null && info.known()) {
            facts.getChildren().addAll(
                    fact("Output shape", info.output().toString()),
                    fact("Parameters", String.format(Locale.ROOT, "%,d", info.params())
                            + (info.nonTrainableParams() > 0 ? " (" + String.format(Locale.ROOT, "%,d", info.nonTrainableParams())
                            + " not trained)" : "")),
                    fact("Multiply-adds", String.format(Locale.ROOT, "%,d", info.macs())),
                    fact("Values out", String.format(Locale.ROOT, "%,d", info.activations())));
            ReceptiveField rf = info.receptiveField();
            if (rf != null) {
                facts.getChildren().add(fact("Receptive field", rf.global() ? "whole image"
                        : rf.height().size() + "×" + rf.width().size() + " pixels"));
            }
        } else {
            Label l = new Label("Unknown until the problems above are fixed.");
            l.getStyleClass().add(Css.TEXT_MUTED);
            l.setWrapText(true);
            facts.getChildren().add(l);
        }
        for (Problem p : a.problemsFor(shownId)) {
            problems.getChildren().add(problemLabel(p));
        }
    }

    static Node problemLabel(Problem p) {
        Label l = new Label(BlockCard.stripId(p.message(), p.nodeId() == null ? "" : p.nodeId()));
        l.setWrapText(true);
        l.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
        l.setGraphic(new FontIcon(p.isError() ? org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_CIRCLE_OUTLINE
                : org.kordamp.ikonli.materialdesign2.MaterialDesignA.ALERT_OUTLINE));
        return l;
    }

    static Node fact(String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add(Css.TEXT_MUTED);
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, n, spacer, v);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
