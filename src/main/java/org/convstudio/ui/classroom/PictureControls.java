package org.convstudio.ui.classroom;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.convstudio.analysis.lesson.KernelsLesson;
import org.convstudio.analysis.lesson.Picture;

/**
 * What the kernel playground filters: the sample digit, a drawing made on the spot ({@link LessonDrawPad})
 * or an image file (read on the worker by {@link ClassroomViewModel#usePictureFile}).
 */
final class PictureControls {

    /** What the lesson calls a drawing. */
    static final String DRAWING = "your drawing";

    private PictureControls() {
    }

    static void add(VBox box, ClassroomViewModel vm) {
        Picture now = vm.settingsProperty().get().picture();
        ToggleGroup group = new ToggleGroup();
        ToggleButton sample = new ToggleButton("Sample");
        sample.setId("lesson-image-sample");
        ToggleButton draw = new ToggleButton("Draw");
        draw.setId("lesson-image-draw");
        ToggleButton file = new ToggleButton("File…");
        file.setId("lesson-image-file");
        for (ToggleButton b : new ToggleButton[] {sample, draw, file}) {
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
        }
        LessonDrawPad pad = new LessonDrawPad(now != null && DRAWING.equals(now.name()) ? now.pixels() : null,
                cells -> vm.settingsProperty().set(vm.settingsProperty().get().withPicture(new Picture(DRAWING, cells))));
        Label shown = new Label();
        shown.setId("lesson-image-name");
        shown.setWrapText(true);
        Runnable update = () -> {
            Picture p = vm.settingsProperty().get().picture();
            boolean drawing = p != null && DRAWING.equals(p.name());
            (p == null ? sample : drawing ? draw : file).setSelected(true);
            pad.setVisible(drawing);
            pad.setManaged(drawing);
            shown.setText(p == null ? "Filtering " + KernelsLesson.SAMPLE_NAME + "." : drawing ? "Draw with the mouse; the slide follows."
                    : "Filtering " + p.name() + " (" + p.pixels()[0].length + "×" + p.pixels().length + ", grey).");
        };
        sample.setOnAction(e -> vm.settingsProperty().set(vm.settingsProperty().get().withPicture(null)));
        draw.setOnAction(e -> {
            Picture p = vm.settingsProperty().get().picture();
            if (p == null || !DRAWING.equals(p.name())) {
                vm.settingsProperty().set(vm.settingsProperty().get().withPicture(new Picture(DRAWING, pad.cells())));
            }
            update.run();
        });
        file.setOnAction(e -> {
            update.run(); // the choice shows only once a file is read
            FileChooser chooser = new FileChooser();
            chooser.setTitle("An image for the kernels");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));
            File f = chooser.showOpenDialog(box.getScene() == null ? null : box.getScene().getWindow());
            if (f != null) {
                shown.setText("Reading " + f.getName() + "…");
                vm.usePictureFile(f.toPath(), message -> {
                    if (message != null) {
                        shown.setText(message);
                    }
                });
            }
        });
        LiveControls.listen(box, vm.settingsProperty(), (o, a, b) -> {
            if (a == null || a.picture() != b.picture()) {
                update.run();
            }
        });
        update.run();
        HBox choices = new HBox(4, sample, draw, file);
        box.getChildren().addAll(new Label("Image"), choices, shown, pad);
    }
}
