package org.convstudio.engine.lesson;

import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.IdxReader;
import org.convstudio.engine.data.ImageSet;

/** A digit from the bundled MNIST sample, as the grid of grey levels the image lessons start from. */
public final class SampleDigit {

    private SampleDigit() {
    }

    /** Test image {@code index} of the bundled sample, grey levels in [0, 1] (white ink on black). */
    public static double[][] load(int index) throws DatasetException {
        DataSplit split = IdxReader.readFolder(DatasetLoader.findMnistSample());
        ImageSet test = split.test();
        if (index < 0 || index >= test.size()) {
            throw new DatasetException("The bundled sample has test images 0 to " + (test.size() - 1) + "; " + index
                    + " is not one of them.");
        }
        float[] px = test.image(index);
        double[][] out = new double[test.height()][test.width()];
        for (int r = 0; r < test.height(); r++) {
            for (int c = 0; c < test.width(); c++) {
                out[r][c] = px[r * test.width() + c];
            }
        }
        return out;
    }
}
