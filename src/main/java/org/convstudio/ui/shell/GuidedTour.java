package org.convstudio.ui.shell;

import java.util.List;
import java.util.function.Function;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Stage;
import org.convstudio.ui.common.Css;

/**
 * Help ▸ Getting Started: a short tour over the workspaces. Each step opens its workspace, rings the
 * workspace's sidebar button and shows a card beside it (Back, Next, Escape or Close ends the tour).
 */
final class GuidedTour {

    /** One step: the workspace it opens, a title and what to do there. */
    record Step(String workspace, String title, String text) {
    }

    static final List<Step> STEPS = List.of(
            new Step("design", "Design a network",
                    "Drag blocks from the palette onto the canvas and connect a block's bottom port to the next block. "
                            + "Shapes, parameters and receptive fields update as you edit; the inspector on the right "
                            + "edits the selected block. File ▸ Presets opens LeNet, AlexNet, VGG, ResNet and more."),
            new Step("train", "Train it",
                    "Choose the data (the bundled MNIST sample is ready) and the settings, then press Train (F5). "
                            + "Curves, the confusion matrix and sample predictions update live; every run is kept "
                            + "in the runs list, to open, compare or continue."),
            new Step("inspect", "Look inside",
                    "Feature maps, filters, receptive fields, saliency and Grad-CAM of a trained run — or draw a "
                            + "digit and watch the network answer."),
            new Step("embed", "Map what a layer learnt",
                    "t-SNE or PCA of the images as a layer sees them: classes that separate, and the mistakes "
                            + "between them."),
            new Step("classroom", "Teach with it",
                    "The course's nine lessons, step by step, with Present (F5) for a projector."),
            new Step("design", "Hand it on",
                    "File ▸ Export ▸ PyTorch writes model.py and train.py (one GPU or torchrun); File ▸ Import "
                            + "Weights brings trained weights back. Help ▸ Keyboard Shortcuts (F1) lists every key."));

    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("tour-target");

    private final Stage stage;
    private final MainWindow window;
    private final Function<String, Node> anchor;
    private final Popup popup = new Popup();
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private int index = -1;
    private Node ringed;

    GuidedTour(Stage stage, MainWindow window, Function<String, Node> anchor) {
        this.stage = stage;
        this.window = window;
        this.anchor = anchor;
        counter.getStyleClass().addAll(Css.TEXT_MUTED, Css.TEXT_SMALL);
        counter.setId("tour-counter");
        title.getStyleClass().add(Css.TITLE_3);
        title.setId("tour-title");
        text.setWrapText(true);
        text.setMaxWidth(340);
        text.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("tour-back");
        next.setId("tour-next");
        next.getStyleClass().add(Css.ACCENT);
        Button close = new Button("Close");
        close.setId("tour-close");
        back.setOnAction(e -> show(index - 1));
        next.setOnAction(e -> {
            if (index + 1 < STEPS.size()) {
                show(index + 1);
            } else {
                end();
            }
        });
        close.setOnAction(e -> end());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, close, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, counter, title, text, buttons);
        card.getStyleClass().add("tour-card");
        card.setId("tour-card");
        card.setPrefWidth(372);
        card.getStylesheets().add(ConvStudioApp.STYLESHEET);
        popup.getContent().add(card);
        popup.setAutoHide(false);
        popup.setHideOnEscape(true);
        popup.setOnHidden(e -> unring());
    }

    /** Starts at the first step. */
    void start() {
        show(0);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    int index() {
        return index;
    }

    Popup popup() {
        return popup;
    }

    void show(int i) {
        if (i < 0 || i >= STEPS.size()) {
            return;
        }
        index = i;
        Step s = STEPS.get(i);
        window.show(s.workspace());
        counter.setText("Getting started · " + (i + 1) + " of " + STEPS.size());
        title.setText(s.title());
        text.setText(s.text());
        back.setDisable(i == 0);
        next.setText(i + 1 == STEPS.size() ? "Done" : "Next");
        unring();
        ringed = anchor.apply(s.workspace());
        double x = stage.getX() + 120;
        double y = stage.getY() + 80;
        if (ringed != null) {
            ringed.pseudoClassStateChanged(TARGET, true);
            Bounds b = ringed.localToScreen(ringed.getBoundsInLocal());
            if (b != null) {
                x = b.getMaxX() + 14;
                y = b.getMinY();
            }
        }
        if (popup.isShowing()) {
            popup.setX(x);
            popup.setY(y);
        } else {
            popup.show(stage, x, y);
        }
    }

    void end() {
        popup.hide();
        unring();
    }

    private void unring() {
        if (ringed != null) {
            ringed.pseudoClassStateChanged(TARGET, false);
            ringed = null;
        }
    }
}
