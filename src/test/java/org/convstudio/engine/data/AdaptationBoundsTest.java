package org.convstudio.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A conversion that cannot fit in the Java heap is refused before anything is allocated, with the count that fits. */
class AdaptationBoundsTest {

    private static ImageSet grey(int n) {
        return new ImageSet("g", 1, 28, 28, new float[n * 784], new int[n], List.of("a", "b"));
    }

    @Test
    void refusedBeforeConvertingWhenTheResultCannotFit() {
        DataSplit split = new DataSplit(grey(100), grey(20), List.of());
        ImageShape rgb224 = new ImageShape(3, 224, 224);
        long perImage = ImageAdapter.bytesNeeded(1, rgb224);
        assertEquals(2L * 3 * 224 * 224 * 4, perImage, "converted copy and normalised copy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageAdapter.adapt(split, rgb224, perImage * 50));
        assertTrue(e.getMessage().contains("Converting 120 images to 3×224×224") && e.getMessage().contains("at most 50 fit")
                && e.getMessage().contains("--limit"), e.getMessage());
        DataSplit ok = ImageAdapter.adapt(split, rgb224, perImage * 120);
        assertEquals(3 * 224 * 224, ok.train().imageLength());
    }

    @Test
    void moreValuesThanOneArrayHoldsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageAdapter.ensureFits(20_000, new ImageShape(3, 224, 224), Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("than one Java array can hold"), e.getMessage());
    }
}
