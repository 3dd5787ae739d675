package org.convstudio.ui.classroom;

import java.io.File;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.convstudio.analysis.lesson.Lessons;

/** The Classroom's layout: lesson list, slide, step bar, the lesson's controls and its numbers. */
final class ClassroomView extends BorderPane {

    private final ClassroomViewModel vm;
    private final ImageView slide = new ImageView();
    private final StackPane slidePane = new StackPane(slide);
    private final Label stepLabel = new Label();
    private final Label numbers = new Label();
    private final Label status = new Label();
    private final BorderPane side = new BorderPane();
    private final ListView<Lessons.Entry> list = new ListView<>();
    private PresentationWindow presentation;

    ClassroomView(ClassroomViewModel vm) {
        this(vm, javafx.collections.FXCollections.observableArrayList(), null);
    }

    /**
     * @param sources    the networks the network lessons can look into (current design, saved runs)
     * @param openPreset opens a preset in the designer, or null
     */
    ClassroomView(ClassroomViewModel vm, javafx.collections.ObservableList<LessonNetwork.Source> sources,
                  java.util.function.Consumer<String> openPreset) {
        this.vm = vm;
        setId("workspace-classroom");
        getStyleClass().add("classroom");

        list.setId("classroom-lessons");
        list.getItems().setAll(Lessons.catalogue());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Lessons.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : (Lessons.IDS.indexOf(e.id()) + 1) + ". " + e.title());
            }
        });
        list.setPrefWidth(230);
        list.getSelectionModel().select(Lessons.IDS.indexOf(vm.lessonIdProperty().get()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                vm.lessonIdProperty().set(e.id());
            }
        });
        setLeft(list);

        slide.setPreserveRatio(true);
        slide.setId("classroom-slide");
        slidePane.setMinSize(0, 0);
        slidePane.setId("classroom-slide-pane");
        slide.fitWidthProperty().bind(slidePane.widthProperty());
        slide.fitHeightProperty().bind(slidePane.heightProperty());
        PauseTransition settle = new PauseTransition(Duration.millis(120));
        settle.setOnFinished(e -> {
            if (presentation == null || !presentation.isShowing()) {
                vm.resize((int) slidePane.getWidth(), (int) slidePane.getHeight());
            }
        });
        slidePane.widthProperty().addListener((o, a, b) -> settle.playFromStart());
        slidePane.heightProperty().addListener((o, a, b) -> settle.playFromStart());

        Button prev = new Button("◀ Previous");
        prev.setId("classroom-prev");
        prev.setOnAction(e -> vm.previous());
        Button next = new Button("Next ▶");
        next.setId("classroom-next");
        next.setOnAction(e -> vm.next());
        stepLabel.setId("classroom-step");
        Button present = new Button("Present (F5)");
        present.setId("classroom-present");
        present.setOnAction(e -> present(true));
        Button export = new Button("Export PNG…");
        export.setId("classroom-export");
        export.setOnAction(e -> exportPng());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, prev, stepLabel, next, grow, present, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));

        numbers.setId("classroom-numbers");
        numbers.getStyleClass().add("classroom-numbers");
        numbers.setWrapText(true);
        numbers.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        status.setId("classroom-status");
        status.setWrapText(true);
        VBox bottom = new VBox(4, numbers, status);
        bottom.setPadding(new Insets(8));

        BorderPane centre = new BorderPane(slidePane, bar, null, bottom, null);
        setCenter(centre);
        side.setPrefWidth(240);
        setRight(side);
        side.setCenter(LessonControls.forLesson(vm.lessonIdProperty().get(), vm, sources, openPreset));

        vm.lessonIdProperty().addListener((o, a, id) -> {
            LiveControls.dispose(side.getCenter());
            side.setCenter(LessonControls.forLesson(id, vm, sources, openPreset));
            list.getSelectionModel().select(Lessons.IDS.indexOf(id));
        });
        vm.slideProperty().addListener((o, a, s) -> show(s));
        vm.errorProperty().addListener((o, a, msg) -> status.setText(msg));

        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void show(ClassroomViewModel.Slide s) {
        if (s == null) {
            return;
        }
        slide.setImage(SwingFXUtils.toFXImage(s.image(), null));
        stepLabel.setText("Step " + (s.step() + 1) + " of " + s.stepCount() + ": " + s.data().title());
        numbers.setText(s.numbers());
    }

    private void keys(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.F5) {
            present(true);
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
            vm.next();
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
            vm.previous();
            e.consume();
        } else if (KeyCombination.valueOf("Shortcut+E").match(e)) {
            exportPng();
            e.consume();
        }
    }

    /** Opens the presentation window (full screen when {@code fullScreen}). */
    PresentationWindow present(boolean fullScreen) {
        if (presentation == null || !presentation.isShowing()) {
            presentation = new PresentationWindow(vm, getScene() == null ? null : getScene().getWindow(), () -> {
                vm.presentationProperty().set(false);
                vm.resize((int) slidePane.getWidth(), (int) slidePane.getHeight());
            });
            vm.presentationProperty().set(true);
            presentation.open(fullScreen);
        }
        return presentation;
    }

    PresentationWindow presentation() {
        return presentation;
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the slide as PNG");
        ClassroomViewModel.Slide s = vm.slideProperty().get();
        chooser.setInitialFileName((s == null ? "lesson" : s.lessonId() + "-step" + (s.step() + 1)) + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            status.setText("Writing " + f.getName() + "…");
            vm.export(f.toPath(), 1920, 1080, msg -> status.setText(msg == null ? "Saved " + f.getName() + " (1920×1080)" : msg));
        }
    }

    /** A message under the slide (a missing sample, an export). */
    void notice(String message) {
        status.setText(message);
    }

    Pane slidePane() {
        return slidePane;
    }
}
