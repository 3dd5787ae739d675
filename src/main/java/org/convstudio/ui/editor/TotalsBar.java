package org.convstudio.ui.editor;

import org.convstudio.model.analysis.ClassFit;
import org.convstudio.model.graph.Network;

import java.util.Locale;
import java.util.stream.Collectors;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.analysis.Totals;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Design totals under the canvas: parameters, multiply-adds, memory, and whether it can be trained. */
public final class TotalsBar extends javafx.scene.layout.FlowPane {

    private final Label params = value("totals-params");
    private final Label macs = value("totals-macs");
    private final Label memory = value("totals-memory");

    private final Label status = new Label();
    private final Tooltip statusTip = new Tooltip();
    private final javafx.scene.control.Hyperlink fix = new javafx.scene.control.Hyperlink();
    private final DesignViewModel vm;

    public TotalsBar(DesignViewModel vm) {
        this.vm = vm;
        getStyleClass().add("totals-bar");
        setId("totals-bar");
        // wraps onto a second line rather than cutting "Memory …" or "Ready to train" (large text, small windows)
        setAlignment(Pos.CENTER_LEFT);
        setHgap(14);
        setVgap(4);
        setMinWidth(0);
        status.setId("totals-status");
        status.setTooltip(statusTip);
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(480);
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox paramsGroup = group(caption("Parameters"), params);
        HBox macsGroup = group(caption("Multiply-adds"), macs);
        HBox memoryGroup = group(caption("Memory"), memory);
        HBox statusGroup = group(status, fix);
        getChildren().addAll(paramsGroup, sep(), macsGroup, sep(), memoryGroup, sep(), statusGroup);
        fix.setId("totals-fix");
        fix.setMinWidth(Region.USE_PREF_SIZE);
        fix.setVisible(false);
        fix.setManaged(false);
        vm.analysisProperty().addListener((o, a, b) -> show(b));
        vm.dataClassesProperty().addListener((o, a, b) -> show(vm.getAnalysis()));
        show(vm.getAnalysis());
    }

    private void show(Analysis a) {
        if (a == null) {
            return;
        }
        Totals t = a.totals();
        params.setText(String.format(Locale.ROOT, "%,d", t.params()));
        macs.setText(BlockCard.formatCount(t.macs()));
        memory.setText(bytes(t.weightBytes()) + " + " + bytes(t.activationBytes(1)) + "/image");
        memory.setTooltip(new Tooltip(bytes(t.weightBytes()) + " of weights (32-bit floats) and "
                + bytes(t.activationBytes(1)) + " of activations for each image in a batch"));
        String blocker = a.trainBlocker().orElse(null);
        var mismatch = blocker == null ? ClassFit.check(a, vm.dataClassesProperty().get()) : java.util.Optional.<ClassFit.Mismatch>empty();
        if (mismatch.isPresent()) {
            blocker = mismatch.get().message();
        }
        boolean canFix = mismatch.flatMap(ClassFit.Mismatch::fixed).isPresent();
        fix.setVisible(canFix);
        fix.setManaged(canFix);
        if (canFix) {
            fix.setText(mismatch.get().fixLabel().orElse("Fix"));
            Network fixed = mismatch.get().fixed().orElseThrow();
            String label = mismatch.get().fixLabel().orElse("Fix the outputs");
            fix.setOnAction(e -> vm.edit(label, n -> n.equals(a.network()) ? fixed : n));
        }
        status.getStyleClass().removeAll("status-ok", "status-error", "status-warning");
        if (!a.errors().isEmpty()) {
            int n = a.errors().size();
            status.setText(n + (n == 1 ? " problem" : " problems") + " to fix");
            status.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
            status.getStyleClass().add("status-error");
        } else if (mismatch.isPresent()) {
            status.setText("Outputs ≠ " + vm.dataClassesProperty().get() + " classes");
            status.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
            status.getStyleClass().add("status-warning");
        } else if (blocker != null) {
            status.setText("Not trainable yet");
            status.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
            status.getStyleClass().add("status-warning");
        } else {
            status.setText("Ready to train");
            status.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
            status.getStyleClass().add("status-ok");
        }
        String problems = a.problems().stream().map(Problem::message).collect(Collectors.joining("\n"));
        statusTip.setText(blocker != null ? blocker + (problems.isEmpty() ? "" : "\n\n" + problems)
                : problems.isEmpty() ? "The design is valid and ends in class scores." : problems);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", b / (1024.0 * 1024 * 1024));
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("totals-caption");
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("totals-value");
        l.setId(id);
        return l;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setMinWidth(Region.USE_PREF_SIZE);
        return h;
    }

    private static Separator sep() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }
}
