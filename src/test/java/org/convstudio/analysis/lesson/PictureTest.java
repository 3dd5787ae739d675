package org.convstudio.analysis.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel playground on an image file: read as grey levels, filtered as by hand. */
class PictureTest {

    @TempDir
    Path dir;

    /** A grey PNG whose pixel (r, c) is 10 r + 7 c (out of 255). */
    private Path ramp(int h, int w) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int v = 10 * r + 7 * c;
                img.setRGB(c, r, (v << 16) | (v << 8) | v);
            }
        }
        Path f = dir.resolve("ramp.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void sobelXOfAnImageFileMatchesAHandComputation() throws Exception {
        Picture p = Picture.read(ramp(5, 6));
        assertEquals("ramp.png", p.name());
        assertEquals(5, p.pixels().length);
        assertEquals(6, p.pixels()[0].length);
        assertEquals((10 * 2 + 7 * 3) / 255.0, p.pixels()[2][3], 1e-12);
        KernelsLesson lesson = new KernelsLesson(p, null, null);
        // Sobel x at (2, 3): rows 1..3 weighted 1/4, 1/2, 1/4, each (right neighbour − left neighbour)
        // = (10r + 7·4 − 10r − 7·2) / 255 = 14/255, so the sum is (1/4 + 1/2 + 1/4) · 14/255
        double byHand = 0.25 * (14 / 255.0) + 0.5 * (14 / 255.0) + 0.25 * (14 / 255.0);
        assertEquals(byHand, lesson.apply(KernelsLesson.kernel("sobel-x"))[2][3], 1e-12);
        // the Laplacian of a linear ramp is zero inside
        assertEquals(0, lesson.apply(KernelsLesson.kernel("laplacian"))[2][3], 1e-12);
        assertEquals("ramp.png", lesson.numbers().get("image"));
        assertTrue(lesson.steps().get(0).text().contains("ramp.png"), lesson.steps().get(0).text());
    }

    @Test
    void largeFilesAreShrunkByAveraging() throws Exception {
        BufferedImage img = new BufferedImage(300, 150, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < 150; r++) {
            for (int c = 0; c < 300; c++) {
                img.setRGB(c, r, (r + c) % 2 == 0 ? 0xffffff : 0); // a checkerboard averages to one half
            }
        }
        Path f = dir.resolve("checks.png");
        ImageIO.write(img, "png", f.toFile());
        double[][] g = Picture.read(f).pixels();
        assertEquals(Picture.MAX_SIDE, g[0].length);
        assertEquals(Picture.MAX_SIDE / 2, g.length);
        assertEquals(0.5, g[10][10], 0.02);
    }

    @Test
    void aFileThatIsNoImageIsNamed() throws Exception {
        Path f = dir.resolve("notes.png");
        Files.writeString(f, "not an image");
        IOException e = assertThrows(IOException.class, () -> Picture.read(f));
        assertTrue(e.getMessage().startsWith("notes.png "), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> Picture.read(dir.resolve("gone.png")));
        assertTrue(missing.getMessage().contains("gone.png"), missing.getMessage());
    }
}
