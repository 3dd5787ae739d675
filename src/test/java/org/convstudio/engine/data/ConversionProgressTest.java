package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** A conversion reports every image, stops when told to, and a bounded one keeps the first images of each split. */
class ConversionProgressTest {

    private static ImageSet grey(int n, int firstLabel) {
        float[] px = new float[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (firstLabel + i) % 2;
            px[i * 16] = i;
        }
        return new ImageSet("g", 1, 4, 4, px, labels, List.of("a", "b"));
    }

    @Test
    void progressCountsTrainingThenValidationImagesUpToTheTotal() {
        DataSplit split = new DataSplit(grey(6, 0), grey(2, 1), List.of());
        List<Long> done = new ArrayList<>();
        DataSplit rgb = ImageAdapter.adapt(split, new ImageShape(3, 8, 8), Long.MAX_VALUE, (d, total) -> {
            assertEquals(8, total);
            done.add(d);
            return true;
        });
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 6L, 7L, 8L), done, "a start report per split, then every image");
        assertEquals(3 * 8 * 8, rgb.train().imageLength());
    }

    @Test
    void aCancelledConversionStopsAtOnceWithACancellation() {
        DataSplit split = new DataSplit(grey(50, 0), grey(10, 1), List.of());
        List<Long> done = new ArrayList<>();
        assertThrows(CancellationException.class, () -> ImageAdapter.adapt(split, new ImageShape(3, 8, 8),
                Long.MAX_VALUE, (d, total) -> {
                    done.add(d);
                    return d < 3;
                }));
        assertEquals(List.of(0L, 1L, 2L, 3L), done, "nothing converted after the cancel");
    }

    @Test
    void theImagesThatFitAreTheFirstOfEachSplitInProportion() {
        ImageShape big = new ImageShape(3, 227, 227);
        long perImage = ImageAdapter.bytesNeeded(1, big);
        assertEquals(1_200, ImageAdapter.imagesThatFit(big, perImage * 1_200 + perImage / 2));
        assertEquals(0, ImageAdapter.imagesThatFit(big, perImage - 1));

        DataSplit split = new DataSplit(grey(800, 0), grey(200, 1), List.of("kept"));
        DataSplit first = split.firstImages(100);
        assertEquals(80, first.train().size());
        assertEquals(20, first.test().size());
        assertEquals(List.of("kept"), first.warnings());
        assertArrayEquals(java.util.Arrays.copyOf(split.test().labels(), 20), first.test().labels());
        assertEquals(split.train().pixels()[79 * 16], first.train().pixels()[79 * 16], "the first images, in order");
        assertSame(split, split.firstImages(1_000));
        DataSplit tiny = split.firstImages(2);
        assertTrue(tiny.train().size() == 1 && tiny.test().size() == 1, "at least one image in each split");
    }
}
