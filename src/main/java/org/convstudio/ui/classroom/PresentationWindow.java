package org.convstudio.ui.classroom;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The projector view: only the slide, black background, large high-contrast type, a yellow pointer
 * ring following the mouse. Keys: → / Space / Page Down next step, ← / Page Up / Backspace previous,
 * Home first step, Escape closes.
 */
final class PresentationWindow {

    private final ClassroomViewModel vm;
    private final Stage stage = new Stage();
    private final ImageView image = new ImageView();
    private final Circle pointer = new Circle(22);
    private final Runnable onClose;
    private final javafx.beans.value.ChangeListener<ClassroomViewModel.Slide> listener;

    PresentationWindow(ClassroomViewModel vm, Window owner, Runnable onClose) {
        this.vm = vm;
        this.onClose = onClose;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("ConvStudio — presentation");
        image.setPreserveRatio(true);
        image.setId("presentation-slide");
        pointer.setFill(Color.color(1, 0.84, 0, 0.35));
        pointer.setStroke(Color.color(1, 0.84, 0, 0.9));
        pointer.setStrokeWidth(3);
        pointer.setMouseTransparent(true);
        pointer.setVisible(false);
        pointer.setManaged(false);
        StackPane root = new StackPane(image, new Pane(pointer));
        root.setStyle("-fx-background-color: black;");
        root.setId("presentation-root");
        image.fitWidthProperty().bind(root.widthProperty());
        image.fitHeightProperty().bind(root.heightProperty());
        Scene scene = new Scene(root, 1280, 720, Color.BLACK);
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            pointer.setVisible(true);
            pointer.setCenterX(e.getSceneX());
            pointer.setCenterY(e.getSceneY());
        });
        scene.addEventFilter(MouseEvent.MOUSE_EXITED, e -> pointer.setVisible(false));
        PauseTransition settle = new PauseTransition(Duration.millis(120));
        settle.setOnFinished(e -> vm.resize((int) root.getWidth(), (int) root.getHeight()));
        root.widthProperty().addListener((o, a, b) -> settle.playFromStart());
        root.heightProperty().addListener((o, a, b) -> settle.playFromStart());
        listener = (o, a, s) -> {
            if (s != null) {
                image.setImage(SwingFXUtils.toFXImage(s.image(), null));
            }
        };
        vm.slideProperty().addListener(listener);
        stage.setOnHidden(e -> {
            vm.slideProperty().removeListener(listener);
            onClose.run();
        });
    }

    void open(boolean fullScreen) {
        stage.setFullScreen(fullScreen);
        stage.show();
        vm.resize((int) stage.getScene().getWidth(), (int) stage.getScene().getHeight());
    }

    /** Sets the window to exactly {@code w × h} (screenshots at projector sizes). */
    void size(int w, int h) {
        stage.setFullScreen(false);
        stage.getScene().getRoot().resize(w, h);
        stage.setWidth(w + (stage.getWidth() - stage.getScene().getWidth()));
        stage.setHeight(h + (stage.getHeight() - stage.getScene().getHeight()));
        vm.resize(w, h);
    }

    Stage stage() {
        return stage;
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    void close() {
        stage.close();
    }

    private void keys(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c == KeyCode.RIGHT || c == KeyCode.SPACE || c == KeyCode.PAGE_DOWN || c == KeyCode.ENTER) {
            vm.next();
        } else if (c == KeyCode.LEFT || c == KeyCode.PAGE_UP || c == KeyCode.BACK_SPACE) {
            vm.previous();
        } else if (c == KeyCode.HOME) {
            vm.stepProperty().set(0);
        } else if (c == KeyCode.ESCAPE) {
            stage.close();
        } else {
            return;
        }
        e.consume();
    }
}
