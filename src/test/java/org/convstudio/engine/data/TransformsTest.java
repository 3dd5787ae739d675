package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Normalisation, augmentation, batching and shape adaptation. */
class TransformsTest {

    static ImageSet randomSet(int n, int c, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] px = new float[n * c * h * w];
        for (int i = 0; i < px.length; i++) px[i] = r.nextFloat() * (1 + (i / (h * w)) % c); // channel k in [0, k+1)
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 3;
        return new ImageSet("r", c, h, w, px, labels, List.of("a", "b", "c"));
    }

    @Test
    void normalisationGivesZeroMeanUnitStdPerChannel() {
        ImageSet train = randomSet(50, 3, 6, 5, 1);
        ImageSet test = randomSet(20, 3, 6, 5, 2);
        Normalization norm = Normalization.fit(train);
        assertEquals(0.5, norm.mean()[0], 0.05);
        assertEquals(1.5, norm.mean()[2], 0.15);
        DataSplit s = norm.apply(new DataSplit(train, test, List.of()));
        Normalization after = Normalization.fit(s.train());
        for (int c = 0; c < 3; c++) {
            assertEquals(0, after.mean()[c], 1e-4);
            assertEquals(1, after.std()[c], 1e-4);
        }
        // the test split uses the training statistics: close to, but not exactly, 0/1
        Normalization testStats = Normalization.fit(s.test());
        assertEquals(0, testStats.mean()[1], 0.1);
        assertFalse(testStats.mean()[1] == 0f);
        // inputs untouched
        assertArrayEquals(randomSet(50, 3, 6, 5, 1).pixels(), train.pixels());
        // fill value for a zero pixel
        assertEquals(-norm.mean()[0] / norm.std()[0], norm.normalizedZero()[0], 1e-6);
    }

    @Test
    void constantChannelDoesNotDivideByZero() {
        ImageSet flat = new ImageSet("f", 1, 2, 2, new float[8], new int[2], List.of("x"));
        Normalization n = Normalization.fit(flat);
        assertEquals(1f, n.std()[0]);
        assertTrue(Float.isFinite(n.apply(flat).pixels()[0]));
    }

    @Test
    void shiftMovesAKnownPixel() {
        ImageShape shape = new ImageShape(2, 5, 6);
        Augmenter aug = new Augmenter(shape, 2, 0);
        float[] img = new float[shape.length()];
        img[1 * 6 + 2] = 1f;            // channel 0, (x=2, y=1)
        img[30 + 4 * 6 + 5] = 0.5f;     // channel 1, (x=5, y=4): shifted out
        aug.transform(img, 0, 2, 1, 0);  // right 2, down 1
        assertEquals(1f, img[2 * 6 + 4]);
        assertEquals(1f, sum(img, 0, 30), 1e-6);
        assertEquals(0f, sum(img, 30, 60), 1e-6);

        // negative shift, second image of a batch, with a fill value
        Augmenter filled = new Augmenter(new ImageShape(1, 3, 3), 1, 0, new float[] {-1f});
        float[] batch = new float[18];
        batch[9 + 4] = 7f; // centre of image 1
        filled.transform(batch, 9, -1, -1, 0);
        assertEquals(7f, batch[9]);
        assertEquals(-1f, batch[9 + 8]); // bottom-right came from outside
        assertEquals(0f, sum(batch, 0, 9)); // image 0 untouched
    }

    @Test
    void rotationBy90DegreesMovesACornerPixel() {
        Augmenter aug = new Augmenter(new ImageShape(1, 5, 5), 0, 90);
        float[] img = new float[25];
        img[0] = 1f; // (0, 0) top-left
        aug.transform(img, 0, 0, 0, 90);
        // clockwise on screen: top-left goes to top-right (x=4, y=0)
        assertEquals(1f, img[4], 1e-5);
        assertEquals(1f, sum(img, 0, 25), 1e-5);
    }

    @Test
    void augmentationIsSeededAndChangesImages() {
        ImageSet set = randomSet(8, 1, 12, 12, 3);
        Augmenter aug = new Augmenter(ImageShape.of(set), 3, 15);
        float[] a = set.pixels().clone();
        float[] b = set.pixels().clone();
        float[] c = set.pixels().clone();
        aug.augment(a, 8, new Random(5));
        aug.augment(b, 8, new Random(5));
        aug.augment(c, 8, new Random(6));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertFalse(Arrays.equals(a, set.pixels()));
        // only the first `count` images are touched
        float[] d = set.pixels().clone();
        aug.augment(d, 3, new Random(5));
        assertArrayEquals(Arrays.copyOfRange(set.pixels(), 3 * 144, 8 * 144), Arrays.copyOfRange(d, 3 * 144, 8 * 144));
        // inactive augmenter is the identity
        float[] e = set.pixels().clone();
        new Augmenter(ImageShape.of(set), 0, 0).augment(e, 8, new Random(1));
        assertArrayEquals(set.pixels(), e);
    }

    @Test
    void batchIteratorCoversEveryImageOnceAndReusesBuffers() {
        ImageSet set = randomSet(10, 1, 2, 2, 4);
        BatchIterator it = new BatchIterator(set, 4, true, 9);
        float[] buf = it.pixels();
        assertEquals(3, it.batchesPerEpoch());
        Set<Float> seen = new HashSet<>();
        int batches = 0;
        int total = 0;
        while (it.hasNext()) {
            int n = it.next();
            batches++;
            total += n;
            for (int k = 0; k < n; k++) {
                seen.add(it.pixels()[k * 4]);
                int idx = indexOfFirstPixel(set, it.pixels()[k * 4]);
                assertEquals(set.labels()[idx], it.labels()[k]);
                assertArrayEquals(set.image(idx), Arrays.copyOfRange(it.pixels(), k * 4, k * 4 + 4));
            }
        }
        assertSame(buf, it.pixels());
        assertEquals(3, batches);
        assertEquals(10, total);
        assertEquals(10, seen.size());
        assertEquals(0, it.next());

        // same seed and epoch -> same order; another epoch -> another order
        it.startEpoch(0);
        it.next();
        float[] first0 = it.pixels().clone();
        BatchIterator again = new BatchIterator(set, 4, true, 9);
        again.next();
        assertArrayEquals(first0, again.pixels());
        again.startEpoch(1);
        again.next();
        assertFalse(Arrays.equals(first0, again.pixels()));
        // no shuffle: file order
        BatchIterator plain = new BatchIterator(set, 4, false, 9);
        plain.next();
        assertArrayEquals(Arrays.copyOf(set.pixels(), 16), plain.pixels());
    }

    @Test
    void adapterMessagesOfferTheFix() {
        ImageShape mnist = new ImageShape(1, 28, 28);
        assertEquals(Optional.empty(), ImageAdapter.check(mnist, new ImageShape(1, 28, 28)));
        assertEquals("The data set has 1×28×28 images but the network expects 3×32×32. "
                + "Resize to 32×32 and convert to RGB? (--adapt)", ImageAdapter.check(mnist, new ImageShape(3, 32, 32)).orElseThrow());
        assertEquals("The data set has 3×32×32 images but the network expects 1×32×32. Convert to greyscale? (--adapt)",
                ImageAdapter.check(new ImageShape(3, 32, 32), new ImageShape(1, 32, 32)).orElseThrow());
        assertTrue(ImageAdapter.check(mnist, new ImageShape(1, 32, 32)).orElseThrow().endsWith("Resize to 32×32? (--adapt)"));
        String bad = ImageAdapter.check(new ImageShape(4, 8, 8), new ImageShape(3, 8, 8)).orElseThrow();
        assertTrue(bad.contains("cannot convert 4 channels into 3"), bad);
        assertThrows(IllegalArgumentException.class,
                () -> ImageAdapter.adapt(new ImageSet("x", 4, 2, 2, new float[16], new int[1], List.of("a")), new ImageShape(3, 2, 2)));
    }

    @Test
    void adaptResizesAndConvertsChannels() {
        // a 1×2×2 image: [[0, 1], [1, 0]] -> 3×4×4 RGB
        ImageSet grey = new ImageSet("g", 1, 2, 2, new float[] {0, 1, 1, 0}, new int[] {1}, List.of("a", "b"));
        ImageSet rgb = ImageAdapter.adapt(grey, new ImageShape(3, 4, 4));
        assertEquals(new ImageShape(3, 4, 4), ImageShape.of(rgb));
        assertArrayEquals(new int[] {1}, rgb.labels());
        float[] px = rgb.pixels();
        assertEquals(0f, px[0], 1e-6);           // corner keeps its value (edge clamp)
        assertEquals(1f, px[3], 1e-6);
        assertEquals(0.5f, sum(px, 0, 16) / 16, 1e-6); // mean preserved
        assertArrayEquals(Arrays.copyOfRange(px, 0, 16), Arrays.copyOfRange(px, 16, 32)); // replicated
        // back to 1×2×2 greyscale (area average of 2×2 blocks; luminance of equal channels)
        ImageSet back = ImageAdapter.adapt(rgb, new ImageShape(1, 2, 2));
        assertEquals(ImageShape.of(grey), ImageShape.of(back));
        assertTrue(back.pixels()[1] > 0.6f && back.pixels()[0] < 0.4f, Arrays.toString(back.pixels()));
        // RGB -> grey luminance, no resize
        ImageSet red = new ImageSet("r", 3, 1, 1, new float[] {1, 0, 0}, new int[] {0}, List.of("a"));
        assertEquals(0.299f, ImageAdapter.adapt(red, new ImageShape(1, 1, 1)).pixels()[0], 1e-6);
        // fits already: same object
        assertSame(grey, ImageAdapter.adapt(grey, new ImageShape(1, 2, 2)));
    }

    @Test
    void mnistSampleAdaptsToCifarShape() throws DatasetException {
        DataSplit s = DatasetLoader.load("mnist-sample");
        ImageShape net = new ImageShape(3, 32, 32);
        assertTrue(ImageAdapter.check(s.train(), net).isPresent());
        DataSplit a = ImageAdapter.adapt(s, net);
        assertEquals(net, a.shape());
        assertEquals(8000, a.train().size());
        assertTrue(ImageAdapter.check(a.train(), net).isEmpty());
    }

    static float sum(float[] a, int from, int to) {
        float s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s;
    }

    static int indexOfFirstPixel(ImageSet s, float v) {
        for (int i = 0; i < s.size(); i++) if (s.pixels()[i * s.imageLength()] == v) return i;
        throw new AssertionError();
    }
}
