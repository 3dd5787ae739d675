package org.convstudio.ui.editor;

import java.util.List;
import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.convstudio.model.analysis.NodeInfo;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.LayerType;
import org.kordamp.ikonli.javafx.FontIcon;

/** A block on the design canvas: type, id, key hyperparameters, output shape, parameters, problems. */
public final class BlockCard extends StackPane {

    public static final double WIDTH = 200;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass FROZEN = PseudoClass.getPseudoClass("frozen");

    private final String nodeId;
    private final FontIcon icon = new FontIcon();
    private final Label typeLabel = new Label();
    private final Label idLabel = new Label();
    private final Label summary = new Label();
    private final Label shape = new Label();
    private final Label params = new Label();
    private final Label problem = new Label();
    private final Circle inPort = new Circle(6);
    private final Circle outPort = new Circle(6);
    private final VBox body;
    private final Tooltip tooltip = new Tooltip();
    private String groupClass;

    public BlockCard(String nodeId) {
        this.nodeId = nodeId;
        getStyleClass().add("block-card");
        setId("block-" + nodeId);
        icon.getStyleClass().add("block-icon");
        typeLabel.getStyleClass().add("block-type");
        idLabel.getStyleClass().add("block-id");
        summary.getStyleClass().add("block-summary");
        summary.setId("block-summary-" + nodeId);
        shape.getStyleClass().add("block-shape");
        shape.setId("block-shape-" + nodeId);
        params.getStyleClass().add("block-params");
        params.setId("block-params-" + nodeId);
        problem.getStyleClass().add("block-problem");
        problem.setId("block-problem-" + nodeId);
        problem.setWrapText(false);
        problem.setMaxWidth(WIDTH - 20);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the type never truncates ("Activa…"): the id gives way and is in the tooltip
        typeLabel.setMinWidth(Region.USE_PREF_SIZE);
        idLabel.setMinWidth(0);
        summary.setWrapText(true);
        summary.setMaxWidth(WIDTH - 28);
        HBox header = new HBox(6, icon, typeLabel, spacer, idLabel);
        header.setAlignment(Pos.CENTER_LEFT);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        shape.setMinWidth(Region.USE_PREF_SIZE);
        params.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(6, shape, spacer2, params);
        footer.setAlignment(Pos.CENTER_LEFT);
        body = new VBox(3, header, summary, footer);
        body.getStyleClass().add("block-body");

        inPort.getStyleClass().addAll("port", "in-port");
        outPort.getStyleClass().addAll("port", "out-port");
        inPort.setId("in-port-" + nodeId);
        outPort.setId("out-port-" + nodeId);
        inPort.setManaged(false);
        outPort.setManaged(false);
        getChildren().addAll(body, inPort, outPort);
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        Tooltip.install(this, tooltip);
    }

    public String nodeId() {
        return nodeId;
    }

    public Circle inPort() {
        return inPort;
    }

    public Circle outPort() {
        return outPort;
    }

    private boolean horizontal;

    /** Ports on the left and right sides (a left-to-right layout) instead of top and bottom. */
    public void setHorizontal(boolean h) {
        if (h != horizontal) {
            horizontal = h;
            requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (horizontal) {
            inPort.setCenterX(0);
            inPort.setCenterY(getHeight() / 2);
            outPort.setCenterX(getWidth());
            outPort.setCenterY(getHeight() / 2);
        } else {
            inPort.setCenterX(getWidth() / 2);
            inPort.setCenterY(0);
            outPort.setCenterX(getWidth() / 2);
            outPort.setCenterY(getHeight());
        }
    }

    /** Shows {@code node} as analysed. */
    public void update(Node node, NodeInfo info, List<Problem> problems) {
        LayerType type = node.layer().type();
        icon.setIconCode(BlockIcons.of(type));
        String g = BlockIcons.groupClass(type);
        if (!g.equals(groupClass)) {
            if (groupClass != null) {
                getStyleClass().remove(groupClass);
            }
            getStyleClass().add(g);
            groupClass = g;
        }
        typeLabel.setText(type.title());
        idLabel.setText(node.id());
        String s = node.layer().summary();
        boolean known = info != null && info.known();
        String rf = known ? receptiveField(info) : "";
        summary.setText((s == null || s.isBlank() ? type.description() : s) + (rf.isEmpty() ? "" : " · RF " + rf));
        shape.setText(known ? "→ " + info.output() : "→ ?");
        pseudoClassStateChanged(FROZEN, !node.trainable());
        params.setText(known ? (node.trainable() ? "" : "\u2744 ") + formatCount(info.params()) + " params" : "");
        inPort.setVisible(type.maxInputs() > 0);

        Problem first = problems.isEmpty() ? null : problems.stream().filter(Problem::isError).findFirst()
                .orElse(problems.get(0));
        boolean error = first != null && first.isError();
        pseudoClassStateChanged(ERROR, error);
        pseudoClassStateChanged(WARNING, first != null && !error);
        if (first != null) {
            problem.setText(stripId(first.message(), node.id()));
            if (!body.getChildren().contains(problem)) {
                body.getChildren().add(problem);
            }
        } else {
            body.getChildren().remove(problem);
            problem.setText("");
        }
        StringBuilder tip = new StringBuilder(type.title()).append(" · ").append(node.id()).append('\n')
                .append(type.description());
        if (known) {
            tip.append("\n\nOutput ").append(info.output()).append(" · ")
                    .append(String.format(Locale.ROOT, "%,d", info.params())).append(" parameters · ")
                    .append(formatCount(info.macs())).append(" MACs");
            var field = info.receptiveField();
            if (field != null && !field.global()) {
                tip.append("\nEach output value sees a ").append(field.height().size()).append("×").append(field.width().size())
                        .append(" patch of the input; neighbours are ").append(field.height().jump()).append(" pixels apart");
            }
        }
        if (!node.trainable()) {
            tip.append("\n\nFrozen: training keeps this block's weights (untick Trainable in the inspector to train it).");
        }
        for (Problem p : problems) {
            tip.append("\n\n").append(p.isError() ? "⚠ " : "• ").append(p.message());
        }
        tooltip.setText(tip.toString());
    }

    /** "5" or "5×7" for a node whose units see more than one input pixel; "" otherwise. */
    static String receptiveField(org.convstudio.model.analysis.NodeInfo info) {
        var field = info.receptiveField();
        if (field == null || field.global() || field.height().size() * field.width().size() <= 1) {
            return "";
        }
        long h = field.height().size();
        long w = field.width().size();
        return h == w ? Long.toString(h) : h + "×" + w;
    }

    /** The problem text shown on the card (for tests). */
    public String problemText() {
        return problem.getText();
    }

    public boolean isError() {
        return getPseudoClassStates().contains(ERROR);
    }

    public void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    static String stripId(String message, String id) {
        String prefix = id + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** 1234 → "1.2 k", 61706 → "61.7 k", 60965224 → "61.0 M". */
    public static String formatCount(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        }
        if (n < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f G", n / 1e9);
    }
}
