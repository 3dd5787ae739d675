package org.convstudio.ui.classroom;

import java.io.File;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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

    /** What the lesson calls test image N of the bundled sample (N above 0; image 0 is the default digit). */
    static final String SAMPLE_PREFIX = "sample digit ";

    static boolean sample(Picture p) {
        return p == null || p.name().startsWith(SAMPLE_PREFIX);
    }

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
                cells -> vm.usePicture(new Picture(DRAWING, cells)));
        Spinner<Integer> index = LessonControls.intSpinner("lesson-image-index", 0, 9999,
                now != null && now.name().startsWith(SAMPLE_PREFIX) ? Integer.parseInt(now.name().substring(SAMPLE_PREFIX.length())) : 0, 1);
        Label indexLabel = new Label("Test image of the bundled sample");
        indexLabel.setWrapText(true);
        Label shown = new Label();
        shown.setId("lesson-image-name");
        shown.setWrapText(true);
        Runnable update = () -> {
            Picture p = vm.settingsProperty().get().picture();
            boolean drawing = p != null && DRAWING.equals(p.name());
            (sample(p) ? sample : drawing ? draw : file).setSelected(true);
            pad.setVisible(drawing);
            pad.setManaged(drawing);
            for (javafx.scene.Node n : new javafx.scene.Node[] {index, indexLabel}) {
                n.setVisible(sample(p));
                n.setManaged(sample(p));
            }
            shown.setText(p == null ? "Filtering " + KernelsLesson.SAMPLE_NAME + "." : drawing ? "Draw with the mouse; the slide follows."
                    : sample(p) ? "Filtering " + p.name() + "."
                    : "Filtering " + p.name() + " (" + p.pixels()[0].length + "×" + p.pixels().length + ", grey).");
        };
        sample.setOnAction(e -> {
            vm.useSampleImage(index.getValue(), m -> { });
            update.run();
        });
        index.valueProperty().addListener((o, a, i) -> vm.useSampleImage(i, message -> {
            if (message != null) {
                shown.setText(message);
            }
        }));
        draw.setOnAction(e -> {
            Picture p = vm.settingsProperty().get().picture();
            if (p == null || !DRAWING.equals(p.name())) {
                vm.usePicture(new Picture(DRAWING, pad.cells()));
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
        box.getChildren().addAll(new Label("Image"), choices, indexLabel, index, shown, pad);
    }
}
