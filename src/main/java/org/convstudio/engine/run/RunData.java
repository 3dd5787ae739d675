package org.convstudio.engine.run;

import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;

/**
 * Loads the images a run trains on, the same way for the app and the command line: folder data sets
 * are read at the network's input size, an optional limit keeps the first images of each split, and
 * both splits must hold images. The result is raw (not normalised): {@link TrainingJob} scales it and
 * records the scaling in the run folder.
 */
public final class RunData {

    /**
     * Keep only the first {@code train} training and {@code validation} validation images (quick tries).
     * 0 keeps all.
     */
    public record Limit(int train, int validation) {

        /** No limit. */
        public static final Limit NONE = new Limit(0, 0);

        /** {@code n} training and {@code max(1, n/4)} validation images ({@code train --limit n}); 0: all. */
        public static Limit of(int n) {
            return n <= 0 ? NONE : new Limit(n, Math.max(1, n / 4));
        }

        /** "N" or "N,M" (the app's {@code -Dconvstudio.train.limit}); blank or unreadable: no limit. */
        public static Limit parse(String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            try {
                String[] parts = text.split(",");
                int train = Integer.parseInt(parts[0].strip());
                return parts.length > 1 ? new Limit(train, Integer.parseInt(parts[1].strip())) : of(train);
            } catch (NumberFormatException e) {
                return NONE;
            }
        }

        DataSplit apply(DataSplit split) {
            if (this.equals(NONE)) {
                return split;
            }
            return new DataSplit(first(split.train(), train), first(split.test(), validation), split.warnings());
        }
    }

    private RunData() {
    }

    /**
     * Loads {@code spec}; folder images are converted to {@code networkShape} (null: their own size).
     *
     * @throws DatasetException with a message for the user (also when a split is empty)
     */
    public static DataSplit load(DatasetSpec spec, ImageShape networkShape, Limit limit) throws DatasetException {
        DatasetLoader.Options options = DatasetLoader.Options.defaults();
        if (networkShape != null && spec.kind() == DatasetSpec.Kind.FOLDER) {
            options = options.withFolderShape(networkShape);
        }
        DataSplit split = (limit == null ? Limit.NONE : limit).apply(DatasetLoader.load(spec, options));
        if (split.train().size() == 0) {
            throw new DatasetException("The data set " + spec + " has no training images.");
        }
        if (split.test().size() == 0) {
            throw new DatasetException("The data set " + spec + " has no validation images.");
        }
        return split;
    }

    private static ImageSet first(ImageSet set, int n) {
        if (n <= 0 || n >= set.size()) {
            return set;
        }
        return set.subset(set.name(), java.util.stream.IntStream.range(0, n).toArray());
    }
}
