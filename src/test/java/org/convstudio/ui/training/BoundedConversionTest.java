package org.convstudio.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * The app's conversion never takes more Java memory than its budget: a set that fits is converted whole;
 * otherwise only its first images, with a warning giving the numbers; when not even two images fit, it is
 * refused with the numbers.
 */
class BoundedConversionTest {

    private static ImageSet grey(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return new ImageSet("g", 1, 28, 28, new float[n * 784], labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    private static LoadedData loaded(int train, int test) {
        DataSplit split = new DataSplit(grey(train), grey(test), List.of());
        return new LoadedData(DatasetSpec.mnistSample(), split, split.shape(), false,
                Samples.pick(split.test(), DataSetModel.STRIP_SIZE), List.of());
    }

    private static final ImageShape ALEXNET = new ImageShape(3, 227, 227);

    @Test
    void aSetThatFitsIsConvertedWhole() {
        LoadedData d = loaded(40, 10);
        LoadedData c = DataSetModel.convert(d, ALEXNET, ImageAdapter.bytesNeeded(50, ALEXNET), ImageAdapter.Progress.NONE);
        assertEquals(50, c.split().size());
        assertEquals(ALEXNET, c.shape());
        assertTrue(c.adapted() && c.warnings().isEmpty(), c.warnings().toString());
        assertEquals(d.samples(), c.samples(), "the same strip images");
    }

    @Test
    void aSetThatDoesNotFitKeepsItsFirstImagesAndSaysSo() {
        LoadedData d = loaded(400, 100);
        long budget = ImageAdapter.bytesNeeded(100, ALEXNET);
        LoadedData c = DataSetModel.convert(d, ALEXNET, budget, ImageAdapter.Progress.NONE);
        assertEquals(80, c.split().train().size());
        assertEquals(20, c.split().test().size());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).startsWith("Only the first 80 training and 20 validation images were converted: "
                + "all 500 at 3×227×227 would need"), c.warnings().get(0));
        assertTrue(java.util.Arrays.stream(c.samples().indices()).allMatch(i -> i < 20), "samples among the kept images");
        assertEquals(DataSetModel.STRIP_SIZE, c.samples().size());
    }

    @Test
    void notEvenTwoImagesFitIsRefusedWithTheNumbers() {
        LoadedData d = loaded(40, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSetModel.convert(d, ALEXNET,
                ImageAdapter.bytesNeeded(1, ALEXNET), ImageAdapter.Progress.NONE));
        assertTrue(e.getMessage().startsWith("Converting 50 images to 3×227×227 needs"), e.getMessage());
    }
}
