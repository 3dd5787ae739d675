package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    /** A grey image filled with {@code value} (0..255). */
    static BufferedImage grey(int w, int h, int value) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.getRaster().setSample(x, y, 0, value);
        return img;
    }

    /** An RGB image filled with one colour. */
    static BufferedImage rgb(int w, int h, int r, int g, int b) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, (r << 16) | (g << 8) | b);
        return img;
    }

    /** cats: 5 grey 10×10 (value 200) + 1 broken file; dogs: 4 RGB 20×16 red; birds: 1 grey 8×8 bmp. */
    static Path makeFolder(Path root) throws Exception {
        Path cats = Files.createDirectories(root.resolve("cats"));
        Path dogs = Files.createDirectories(root.resolve("dogs"));
        Path birds = Files.createDirectories(root.resolve("birds"));
        for (int i = 0; i < 5; i++) ImageIO.write(grey(10, 10, 200), "png", cats.resolve("c" + i + ".png").toFile());
        Files.write(cats.resolve("broken.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Files.writeString(cats.resolve("notes.txt"), "not an image");
        for (int i = 0; i < 4; i++) ImageIO.write(rgb(20, 16, 255, 0, 0), "png", dogs.resolve("d" + i + ".png").toFile());
        ImageIO.write(rgb(8, 8, 100, 100, 100), "bmp", birds.resolve("b.bmp").toFile());
        return root;
    }

    @Test
    void readsResizesConvertsAndSkipsBrokenFiles(@TempDir Path root) throws Exception {
        makeFolder(root);
        DataSplit s = ImageFolderReader.read(root, new ImageShape(3, 8, 8), 0.2, 7);
        assertEquals(List.of("birds", "cats", "dogs"), s.classNames());
        assertEquals(new ImageShape(3, 8, 8), s.shape());
        assertEquals(10, s.train().size() + s.test().size()); // broken.png skipped
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("Skipped 1 file") && w.contains("broken.png")),
                s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("Ignored 1 file")), s.warnings().toString());
        // per class validation: cats 5 -> 1, dogs 4 -> 1, birds 1 -> 0
        int[] val = MnistSampleTest.histogram(s.test());
        assertArrayEquals(new int[] {0, 1, 1}, val);
        // a dog is red in RGB, resized from 20x16 without changing a uniform colour
        ImageSet all = s.train();
        for (int i = 0; i < all.size(); i++) {
            float[] img = all.image(i);
            int plane = 64;
            if (all.labels()[i] == 2) {
                assertEquals(1f, img[5], 1e-5f);
                assertEquals(0f, img[plane + 5], 1e-5f);
            } else if (all.labels()[i] == 1) { // grey 200 replicated to R, G, B
                assertEquals(200 / 255f, img[10], 1e-5f);
                assertEquals(200 / 255f, img[2 * plane + 10], 1e-5f);
            }
        }
    }

    @Test
    void greyscaleTargetUsesLuminance(@TempDir Path root) throws Exception {
        makeFolder(root);
        DataSplit s = ImageFolderReader.read(root, new ImageShape(1, 4, 4), 0.0, 1);
        assertEquals(0, s.test().size());
        int dog = indexOfLabel(s.train(), 2);
        assertEquals(0.299f, s.train().image(dog)[0], 1e-4f);
    }

    @Test
    void automaticShape(@TempDir Path root) throws Exception {
        makeFolder(root);
        DataSplit s = ImageFolderReader.read(root, null, 0.2, 7);
        // first image in sorted order is birds/b.bmp (8×8); the dogs are red, so RGB
        assertEquals(new ImageShape(3, 8, 8), s.shape());

        Path greyOnly = Files.createDirectories(root.resolve("g"));
        for (String c : List.of("a", "b")) {
            Path d = Files.createDirectories(greyOnly.resolve(c));
            for (int i = 0; i < 3; i++) ImageIO.write(grey(100, 50, 30 * i), "png", d.resolve(i + ".png").toFile());
        }
        DataSplit g = ImageFolderReader.read(greyOnly, null, 0.34, 7);
        assertEquals(new ImageShape(1, 32, 64), g.shape()); // 100×50 scaled to fit 64
        assertEquals(2, g.test().size());
    }

    @Test
    void splitIsDeterministicAndSeeded(@TempDir Path root) throws Exception {
        Path d = Files.createDirectories(root.resolve("x"));
        Path e = Files.createDirectories(root.resolve("y"));
        for (int i = 0; i < 20; i++) {
            ImageIO.write(grey(4, 4, i * 10), "png", d.resolve(String.format("%02d.png", i)).toFile());
            ImageIO.write(grey(4, 4, 255 - i * 10), "png", e.resolve(String.format("%02d.png", i)).toFile());
        }
        DataSplit a = ImageFolderReader.read(root, new ImageShape(1, 4, 4), 0.2, 42);
        DataSplit b = ImageFolderReader.read(root, new ImageShape(1, 4, 4), 0.2, 42);
        DataSplit c = ImageFolderReader.read(root, new ImageShape(1, 4, 4), 0.2, 43);
        assertEquals(8, a.test().size());
        assertArrayEquals(new int[] {4, 4}, MnistSampleTest.histogram(a.test()));
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertTrue(!java.util.Arrays.equals(a.test().pixels(), c.test().pixels()), "another seed, another split");
    }

    @Test
    void clearErrors(@TempDir Path root) throws Exception {
        DatasetException none = assertThrows(DatasetException.class,
                () -> ImageFolderReader.read(root.resolve("missing"), null, 0.2, 1));
        assertTrue(none.getMessage().contains("does not exist"), none.getMessage());

        DatasetException empty = assertThrows(DatasetException.class, () -> ImageFolderReader.read(root, null, 0.2, 1));
        assertTrue(empty.getMessage().contains("has no sub-folders"), empty.getMessage());

        ImageIO.write(grey(4, 4, 1), "png", root.resolve("loose.png").toFile());
        DatasetException loose = assertThrows(DatasetException.class, () -> ImageFolderReader.read(root, null, 0.2, 1));
        assertTrue(loose.getMessage().contains("sorted into one sub-folder per class"), loose.getMessage());

        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        DatasetException noImages = assertThrows(DatasetException.class, () -> ImageFolderReader.read(root, null, 0.2, 1));
        assertTrue(noImages.getMessage().contains("contain no images"), noImages.getMessage());

        Files.write(root.resolve("a/bad.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0});
        DatasetException unreadable = assertThrows(DatasetException.class, () -> ImageFolderReader.read(root, null, 0.2, 1));
        assertTrue(unreadable.getMessage().contains("could be read") && unreadable.getMessage().contains("bad.jpg"),
                unreadable.getMessage());
    }

    static int indexOfLabel(ImageSet s, int label) {
        for (int i = 0; i < s.size(); i++) if (s.labels()[i] == label) return i;
        throw new AssertionError("no image with label " + label);
    }
}
