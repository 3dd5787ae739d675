package org.convstudio.ui.training;

import java.util.List;
import java.util.Locale;

import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageShape;

/**
 * A data set ready to train on, as loaded by {@link org.convstudio.engine.run.RunData} (raw: the run's
 * {@link org.convstudio.engine.run.TrainingJob} scales it and records the scaling in the run folder).
 *
 * @param spec          what was loaded
 * @param split         the (maybe converted) training and validation images
 * @param originalShape the images' shape as loaded
 * @param adapted       true when the images were converted to the network's input shape
 * @param samples       validation images for the strip
 * @param warnings      things worth telling (skipped files ...)
 */
public record LoadedData(DatasetSpec spec, DataSplit split, ImageShape originalShape, boolean adapted,
                         Samples samples, List<String> warnings) {

    public ImageShape shape() {
        return split.shape();
    }

    public List<String> classNames() {
        return split.classNames();
    }

    /** "8,000 training · 2,000 validation · 1×28×28 · 10 classes". */
    public String summary() {
        return String.format(Locale.ROOT, "%,d training · %,d validation · %s · %d classes%s",
                split.train().size(), split.test().size(), shape(), split.train().classCount(),
                adapted ? " (converted from " + originalShape + ")" : "");
    }
}
