package org.convstudio.ui.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.convstudio.analysis.lesson.Lessons;
import org.convstudio.ui.GuiTestSupport;
import org.convstudio.ui.shell.ConvStudioApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Drives each lesson's main control in the real app and checks the numbers on screen. */
@Tag("gui")
class ClassroomGuiTest {

    private ConvStudioApp app;
    private ClassroomWorkspace classroom;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        GuiTestSupport.isolate();
        app = GuiTestSupport.start();
        GuiTestSupport.fx(() -> {
            app.stage().setWidth(1440);
            app.stage().setHeight(900);
        });
        robot.clickOn("#nav-classroom");
        classroom = GuiTestSupport.fx(() -> (ClassroomWorkspace) app.window().currentWorkspace());
    }

    @AfterEach
    void stop() throws Exception {
        GuiTestSupport.fx(() -> {
            PresentationWindow p = classroom.classroomView().presentation();
            if (p != null) {
                p.close();
            }
        });
        GuiTestSupport.stop(app);
    }

    private <T extends Node> T node(String selector) throws Exception {
        // a lesson's controls are rebuilt when the network it looks into changes (a saved run found later)
        try {
            GuiTestSupport.waitUntil(() -> app.stage().getScene().lookup(selector) != null, 30);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(selector + " is not on screen");
        }
        @SuppressWarnings("unchecked")
        T n = (T) GuiTestSupport.fx(() -> app.stage().getScene().lookup(selector));
        return n;
    }

    private String numbers() {
        return GuiTestSupport.fx(() -> ((Label) app.stage().getScene().lookup("#classroom-numbers")).getText());
    }

    /** Waits until the numbers line on screen contains {@code text}. */
    private void shows(String text) throws Exception {
        try {
            GuiTestSupport.waitUntil(() -> ((Label) app.stage().getScene().lookup("#classroom-numbers")).getText().contains(text), 30);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected '" + text + "' on screen, found: " + numbers());
        }
    }

    private double shown(String key) {
        Matcher m = Pattern.compile("(?:^|·  )" + Pattern.quote(key) + " (-?[0-9.,]+)").matcher(numbers());
        assertTrue(m.find(), key + " in " + numbers());
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private void lesson(String id) throws Exception {
        ListView<Lessons.Entry> list = node("#classroom-lessons");
        GuiTestSupport.fx(() -> list.getSelectionModel().select(Lessons.IDS.indexOf(id)));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get() != null
                && classroom.viewModel().slideProperty().get().lessonId().equals(id), 30);
    }

    private void step(int oneBased) throws Exception {
        GuiTestSupport.fx(() -> classroom.viewModel().stepProperty().set(oneBased - 1));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().step() == oneBased - 1, 30);
    }

    /** The kernels filter a drawing made with the mouse, and an image file read on the worker. */
    @Test
    void kernelsFilterADrawingAndAnImageFile() throws Exception {
        lesson("kernels");
        step(4); // the Laplacian
        robot.clickOn("#lesson-image-draw");
        try {
            GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().data().text().contains("your drawing"), 30);
        } catch (java.util.concurrent.TimeoutException e) {
            javafx.scene.image.WritableImage shot = GuiTestSupport.fx(() -> app.stage().getScene().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", new java.io.File("target/kernels-draw-fail.png"));
            throw new AssertionError(GuiTestSupport.fx(() -> classroom.viewModel().settingsProperty().get().picture() + " / "
                    + classroom.viewModel().slideProperty().get().data().text() + " / " + classroom.viewModel().errorProperty().get()));
        }
        shows("min 0  ·  max 0");
        LessonDrawPad pad = node("#lesson-draw");
        Node canvas = node("#lesson-draw-canvas");
        javafx.geometry.Bounds b = GuiTestSupport.fx(() -> canvas.localToScreen(canvas.getBoundsInLocal()));
        robot.drag(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.5, javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(b.getMinX() + b.getWidth() * 0.7, b.getMinY() + b.getHeight() * 0.5);
        assertTrue(GuiTestSupport.fx(pad::ink) > 10, "the stroke left ink");
        GuiTestSupport.waitUntil(() -> !numbers().endsWith("max 0"), 30);
        double max = shown("max");
        assertTrue(shown("min") < -0.5 && max > 0.5, "the Laplacian of a stroke: " + numbers());
        step(1); // identity: the drawing itself
        shows("max 1");
        robot.clickOn("#lesson-draw-clear");
        GuiTestSupport.waitUntil(() -> numbers().endsWith("min 0  ·  max 0"), 30);

        // an image file: a vertical edge; Sobel x left of it is 1/4 + 1/2 + 1/4 = 1
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(6, 5, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < 5; r++) {
            for (int c = 3; c < 6; c++) {
                img.setRGB(c, r, 0xffffff);
            }
        }
        Path file = Files.createTempDirectory("kernels").resolve("edge.png");
        ImageIO.write(img, "png", file.toFile());
        GuiTestSupport.fx(() -> classroom.viewModel().usePictureFile(file, m -> { }));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().data().text().contains("edge.png"), 30);
        step(7);
        shows("min -1  ·  max 1");
        assertEquals("Filtering edge.png (6×5, grey).", GuiTestSupport.fx(() -> ((Label) app.stage().getScene()
                .lookup("#lesson-image-name")).getText()));
        robot.clickOn("#lesson-image-sample");
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().data().text().contains("the sample digit"), 30);
        // another digit of the bundled sample
        Spinner<Integer> index = node("#lesson-image-index");
        GuiTestSupport.fx(() -> index.getValueFactory().setValue(3));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().data().text().contains("sample digit 3"), 30);
        assertTrue(shown("max") > 0.9, "a digit's brightest pixels, through Sobel x: " + numbers());
    }

    @Test
    void parameterExplosionFollowsTheImageSize() throws Exception {
        lesson("parameter-explosion");
        shows("mlpWeights 40,000,000");
        Spinner<Integer> side = node("#lesson-image-side");
        GuiTestSupport.fx(() -> side.getValueFactory().setValue(100));
        shows("mlpWeights 10,000,000");
        assertTrue(GuiTestSupport.fx(() -> ((javafx.scene.image.ImageView) app.stage().getScene().lookup("#classroom-slide"))
                .getImage() != null));
    }

    /** The course's worked example (published to three decimals) and the rate control. */
    @Test
    void backpropShowsTheWorkedExample() throws Exception {
        lesson("backprop");
        robot.clickOn("#classroom-next");
        shows("h1 0.378");
        assertEquals(0.5, shown("h2"), 0.0015);
        step(5);
        shows("y 0.35");
        assertEquals(0.352, shown("y"), 0.0015);
        step(8);
        shows("x1,h1 0.51");
        assertEquals(0.512, shown("x1,h1"), 0.0015);
        assertEquals(-2.994, shown("h4,y"), 0.0015);
        Spinner<Double> rate = node("#lesson-rate");
        GuiTestSupport.fx(() -> rate.getValueFactory().setValue(0.5));
        shows("x1,h1 0.529");
    }

    @Test
    void convolutionFormulaFollowsPaddingAndStride() throws Exception {
        lesson("convolution");
        shows("floor((7 − 3 + 2×0) / 1) + 1 = 5");
        Spinner<Integer> pad = node("#lesson-padding");
        GuiTestSupport.fx(() -> pad.getValueFactory().setValue(1));
        shows("= 7");
        Spinner<Integer> stride = node("#lesson-stride");
        GuiTestSupport.fx(() -> stride.getValueFactory().setValue(2));
        shows("floor((7 − 3 + 2×1) / 2) + 1 = 4");
        CheckBox flip = node("#lesson-flip");
        GuiTestSupport.fx(() -> flip.setSelected(true));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().settingsProperty().get().flip(), 10);
    }

    @Test
    void poolingKernelsAndCaseStudies() throws Exception {
        lesson("pooling");
        shows("max 15  ·  avg 2.889  ·  l2 20.494");
        robot.clickOn("#classroom-slide-pane");
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        shows("maxBefore 15  ·  maxAfter 7");

        lesson("kernels");
        ComboBox<String> kernel = node("#lesson-kernel");
        GuiTestSupport.fx(() -> kernel.getSelectionModel().select("Sobel x"));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().data().title().equals("Sobel x"), 30);
        robot.clickOn("#lesson-custom-kernel").write("0 0 0; 0 2 0; 0 0 0").type(KeyCode.ENTER);
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().data().title().equals("Your kernel"), 30);
        shows("max 1.99");  // twice the brightest pixel, 254/255
        assertEquals("Your kernel", GuiTestSupport.fx(() -> kernel.getSelectionModel().getSelectedItem()));

        lesson("case-studies");
        step(2);
        shows("conv1Params 34,944");

        lesson("receptive-field");
        step(2);
        shows("receptiveField 5");
        Spinner<Integer> layers = node("#lesson-layers");
        GuiTestSupport.fx(() -> layers.getValueFactory().setValue(5));
        step(5);
        shows("receptiveField 11");

        lesson("locality");
        step(2);
        double two = shown("changedValues");
        assertTrue(two > 0);
        String before = numbers();
        Spinner<Integer> shift = node("#lesson-shift");
        GuiTestSupport.fx(() -> shift.getValueFactory().setValue(4));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().settingsProperty().get().shift() == 4
                && !classroom.viewModel().slideProperty().get().numbers().equals(before), 30);
        assertTrue(shown("changedValues") > 0);

        lesson("overfitting");
        shows("mlpParams 795,010");
    }

    @Test
    void presentationWindowStepsWithTheKeyboard() throws Exception {
        lesson("pooling");
        PresentationWindow p = GuiTestSupport.fx(() -> classroom.classroomView().present(false));
        GuiTestSupport.waitUntil(p::isShowing, 10);
        assertTrue(GuiTestSupport.fx(() -> classroom.viewModel().presentationProperty().get()));
        GuiTestSupport.fx(() -> p.stage().requestFocus());
        robot.clickOn("#presentation-root");
        robot.type(KeyCode.RIGHT);
        GuiTestSupport.waitUntil(() -> classroom.viewModel().stepProperty().get() == 1, 10);
        robot.type(KeyCode.LEFT);
        GuiTestSupport.waitUntil(() -> classroom.viewModel().stepProperty().get() == 0, 10);
        robot.type(KeyCode.ESCAPE);
        GuiTestSupport.waitUntil(() -> !p.isShowing(), 10);
        assertFalse(GuiTestSupport.fx(() -> classroom.viewModel().presentationProperty().get()));
    }

    /** Presentation screenshots of every lesson at projector sizes, to -Dscreenshots.dir (default target/screenshots). */
    @Test
    @Tag("screenshots")
    void presentationScreenshots() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        int[][] sizes = {{1280, 720}, {1920, 1080}};
        int[] shownStep = {1, 4, 8, 2, 10, 3, 5, 4, 3};
        // the live parts: LeNet as the current design (its conv1 walked through, its filters, an effective
        // field), and the locality and over-fitting runs at the lessons' own sizes
        GuiTestSupport.fx(() -> app.window().design().loadPreset("lenet"));
        GuiTestSupport.fx(classroom::refreshSources);
        GuiTestSupport.waitUntil(() -> classroom.viewModel().choiceProperty().get().source() != null, 30);
        GuiTestSupport.fx(() -> classroom.viewModel().lessonIdProperty().set("convolution"));
        // conv1 chosen (again, should a refresh of the sources that was still on its way have replaced the choice)
        GuiTestSupport.waitUntil(() -> GuiTestSupport.fx(() -> {
            var choice = classroom.viewModel().choiceProperty();
            if (!"conv1".equals(choice.get().convLayer())) {
                choice.set(choice.get().withConv("conv1", 0, 0));
            }
            var network = classroom.viewModel().liveProperty().get().network();
            return network.kernel() != null && network.field() != null;
        }), 120);
        for (String id : List.of("locality", "overfitting")) {
            GuiTestSupport.fx(() -> {
                classroom.viewModel().lessonIdProperty().set(id);
                classroom.viewModel().train();
            });
            GuiTestSupport.waitUntil(() -> {
                var c = classroom.viewModel().liveProperty().get().curves(id);
                return c != null && !c.running() && c.hasResults();
            }, 600);
        }
        PresentationWindow p = GuiTestSupport.fx(() -> classroom.classroomView().present(false));
        for (int[] size : sizes) {
            GuiTestSupport.fx(() -> p.size(size[0], size[1]));
            for (int i = 0; i < Lessons.IDS.size(); i++) {
                String id = Lessons.IDS.get(i);
                int stepIndex = shownStep[i] - 1;
                GuiTestSupport.fx(() -> {
                    classroom.viewModel().lessonIdProperty().set(id);
                    classroom.viewModel().stepProperty().set(stepIndex);
                });
                GuiTestSupport.waitUntil(() -> {
                    ClassroomViewModel.Slide s = classroom.viewModel().slideProperty().get();
                    return s != null && s.lessonId().equals(id) && s.step() == stepIndex && s.image().getWidth() == size[0];
                }, 60);
                GuiTestSupport.settle();
                Path file = dir.resolve("classroom-" + id + "-" + size[0] + "x" + size[1] + ".png");
                GuiTestSupport.fx(() -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(p.stage().getScene().snapshot(null), null), "png", file.toFile());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                assertTrue(Files.size(file) > 5_000, file.toString());
            }
        }
        GuiTestSupport.fx(p::close);
        // the workspace with a live lesson's controls (network, layer, filter, channel)
        GuiTestSupport.fx(() -> {
            classroom.viewModel().lessonIdProperty().set("convolution");
            classroom.viewModel().stepProperty().set(1);
        });
        GuiTestSupport.waitUntil(() -> {
            ClassroomViewModel.Slide s = classroom.viewModel().slideProperty().get();
            return s.lessonId().equals("convolution") && s.step() == 1 && s.data().title().contains("(14, 14)");
        }, 60);
        GuiTestSupport.settle();
        Path live = dir.resolve("classroom-workspace-convolution.png");
        GuiTestSupport.fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(app.stage().getScene().snapshot(null), null), "png", live.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        GuiTestSupport.fx(() -> classroom.viewModel().lessonIdProperty().set("backprop"));
        GuiTestSupport.waitUntil(() -> classroom.viewModel().slideProperty().get().lessonId().equals("backprop"), 30);
        GuiTestSupport.settle();
        Path file = dir.resolve("classroom-workspace.png");
        GuiTestSupport.fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(app.stage().getScene().snapshot(null), null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
