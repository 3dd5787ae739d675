package org.convstudio.analysis.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step of every lesson draws headless, with something on it besides the background. */
class LessonRendererTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A stand-in for autograd: this test is about drawing, the numbers are tested with the engine. */
    static final BackpropSolver FIXED = p -> new BackpropTrace(new double[] {-0.5, 0}, new double[] {0.378, 0.5},
            new double[] {1.878, -2.378}, new double[] {0.867, 0.085}, 0.612, 0.648, 0.43, new double[] {0.029, 0.113},
            new double[] {0.041, -0.082}, 0.352, p.w1(), p.w2(), p.w3(), new double[] {0.385, 0.53}, 0.67);

    @Test
    void everyStepRenders(@TempDir Path dir) throws Exception {
        LessonsTest.square();
        List<Lesson> all = Lessons.all(new Lessons.Resources(LessonsTest.square(), FIXED));
        LessonRenderer r = new LessonRenderer(LessonRenderer.Theme.PRESENTATION);
        for (Lesson l : all) {
            for (int i = 0; i < l.steps().size(); i++) {
                BufferedImage img = r.render(l, i, 640, 360);
                int bg = img.getRGB(0, 0);
                int differing = 0;
                for (int y = 0; y < img.getHeight(); y += 3) {
                    for (int x = 0; x < img.getWidth(); x += 3) {
                        if (img.getRGB(x, y) != bg) {
                            differing++;
                        }
                    }
                }
                assertTrue(differing > 500, l.id() + " step " + (i + 1) + " looks empty (" + differing + ")");
            }
        }
        Path png = dir.resolve("a/slide.png");
        LessonRenderer.writePng(r.render(all.get(0), 0, 1280, 720), png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(1280, back.getWidth());
        assertEquals(720, back.getHeight());
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
