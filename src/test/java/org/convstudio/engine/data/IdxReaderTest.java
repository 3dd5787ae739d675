package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    /** A tiny data set: n images of h×w with pixel (i, p) = (i*7 + p) % 256, label i % classes. */
    static ImageSet tiny(String name, int n, int h, int w, int classes) {
        float[] px = new float[n * h * w];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int p = 0; p < h * w; p++) {
                px[i * h * w + p] = ((i * 7 + p) % 256) / 255f;
            }
        }
        return new ImageSet(name, 1, h, w, px, labels, IdxReader.defaultClassNames(10));
    }

    static void writeSet(Path dir, String imagesName, String labelsName, ImageSet set, boolean gz) throws IOException {
        IdxWriter.write(set, dir.resolve(imagesName), dir.resolve(labelsName), gz);
    }

    static Path writeFolder(Path dir, boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        writeSet(dir, "train-images-idx3-ubyte" + ext, "train-labels-idx1-ubyte" + ext, tiny("t", 12, 5, 4, 3), gz);
        writeSet(dir, "t10k-images-idx3-ubyte" + ext, "t10k-labels-idx1-ubyte" + ext, tiny("v", 6, 5, 4, 3), gz);
        return dir;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTrip(boolean gz, @TempDir Path dir) throws Exception {
        DataSplit s = IdxReader.readFolder(writeFolder(dir, gz));
        ImageSet expect = tiny("t", 12, 5, 4, 3);
        assertEquals(12, s.train().size());
        assertEquals(6, s.test().size());
        assertEquals(new ImageShape(1, 5, 4), s.shape());
        assertArrayEquals(expect.labels(), s.train().labels());
        assertArrayEquals(expect.pixels(), s.train().pixels(), 1e-6f);
        assertEquals(IdxReader.defaultClassNames(10), s.classNames());
        assertTrue(s.warnings().isEmpty());
        // and through the spec syntax
        DataSplit viaSpec = DatasetLoader.load("idx:" + dir);
        assertArrayEquals(s.test().pixels(), viaSpec.test().pixels());
    }

    @Test
    void dottedNamesClassesFileAndGzipDetectedByContent(@TempDir Path dir) throws Exception {
        // dotted spelling, and a gzip file without .gz in its name
        writeSet(dir, "train-images.idx3-ubyte", "train-labels.idx1-ubyte", tiny("t", 9, 3, 3, 3), true);
        writeSet(dir, "t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte", tiny("v", 3, 3, 3, 3), false);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n\nbird\n");
        DataSplit s = IdxReader.readFolder(dir);
        assertEquals(List.of("cat", "dog", "bird"), s.classNames());
        assertEquals(9, s.train().size());
        assertArrayEquals(tiny("t", 9, 3, 3, 3).pixels(), s.train().pixels(), 1e-6f);
    }

    @Test
    void labelOutOfRangeForClassesFile(@TempDir Path dir) throws Exception {
        writeFolder(dir, false);
        Files.writeString(dir.resolve("classes.txt"), "a\nb\n"); // labels go up to 2
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte:"), e.getMessage());
        assertTrue(e.getMessage().contains("label 2") && e.getMessage().contains("classes.txt"), e.getMessage());
    }

    @Test
    void badMagic(@TempDir Path dir) throws Exception {
        writeFolder(dir, false);
        Path f = dir.resolve("train-images-idx3-ubyte");
        byte[] b = Files.readAllBytes(f);
        b[0] = 'P';
        b[1] = 'K';
        Files.write(f, b);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte is not an MNIST-format"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000803"), e.getMessage());
    }

    @Test
    void swappedFiles(@TempDir Path dir) throws Exception {
        writeFolder(dir, false);
        Path img = dir.resolve("t10k-images-idx3-ubyte");
        Path lbl = dir.resolve("t10k-labels-idx1-ubyte");
        Path tmp = dir.resolve("swap");
        Files.move(img, tmp);
        Files.move(lbl, img);
        Files.move(tmp, lbl);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().startsWith("t10k-images-idx3-ubyte is an IDX labels file"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncated(boolean gz, @TempDir Path dir) throws Exception {
        writeFolder(dir, gz);
        String name = "t10k-images-idx3-ubyte" + (gz ? ".gz" : "");
        Path f = dir.resolve(name);
        byte[] b = Files.readAllBytes(f);
        if (gz) {
            // cut a valid gzip stream of the truncated raw file: re-write raw data short
            byte[] raw = new byte[16 + 30];
            System.arraycopy(new byte[] {0, 0, 8, 3, 0, 0, 0, 6, 0, 0, 0, 5, 0, 0, 0, 4}, 0, raw, 0, 16);
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
                out.write(raw);
            }
        } else {
            Files.write(f, Arrays.copyOf(b, b.length - 25));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().startsWith(name + " is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("6 images of 5×4"), e.getMessage());
    }

    @Test
    void truncatedGzipStream(@TempDir Path dir) throws Exception {
        writeFolder(dir, true);
        Path f = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, 12)); // gzip header + a little deflate data
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void countMismatch(@TempDir Path dir) throws Exception {
        writeFolder(dir, false);
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte"), new byte[11], false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte holds 12 images but train-labels-idx1-ubyte holds 11 labels"),
                e.getMessage());
    }

    @Test
    void missingLabelFile(@TempDir Path dir) throws Exception {
        writeFolder(dir, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.readFolder(dir));
        assertTrue(e.getMessage().contains("the file t10k-labels-idx1-ubyte is missing"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void missingFolder(@TempDir Path dir) {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load("idx:" + dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void readsEightThousandImagesQuickly(@TempDir Path dir) throws Exception {
        int n = 8000;
        byte[] px = new byte[n * 784];
        new java.util.Random(1).nextBytes(px);
        byte[] lb = new byte[n];
        for (int i = 0; i < n; i++) lb[i] = (byte) (i % 10);
        IdxWriter.writeImages(dir.resolve("train-images-idx3-ubyte.gz"), n, 28, 28, px, true);
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), lb, true);
        IdxWriter.writeImages(dir.resolve("t10k-images-idx3-ubyte"), n, 28, 28, px, false);
        IdxWriter.writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), lb, false);
        IdxReader.readFolder(dir); // warm-up
        long t0 = System.nanoTime();
        DataSplit s = IdxReader.readFolder(dir);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(n, s.train().size());
        assertEquals((px[784 * 5 + 3] & 0xff) / 255f, s.test().pixels()[784 * 5 + 3]);
        assertTrue(ms < 1000, "reading 2 x 8000 images took " + ms + " ms");
    }
}
