package org.convstudio.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.data.Normalization;
import org.convstudio.model.graph.Network;
import org.convstudio.model.preset.Presets;

/**
 * Writes the exact arrays that {@code train} feeds a network — the data set loaded with the CLI's
 * defaults (20 % seeded validation split), converted to the network's input ({@code --adapt}) and
 * normalised with the training split's per-channel mean and standard deviation — as .npy files, so
 * that a PyTorch peer trains on the same numbers (src/bench/accuracy-parity.sh).
 *
 * <p>{@code DataExport <preset-id> <data-spec> <out-dir>} writes train_x.npy (N,C,H,W float32),
 * train_y.npy (N int64), val_x.npy, val_y.npy.
 */
public final class DataExport {

    private DataExport() {
    }

    public static void main(String[] args) throws IOException, DatasetException {
        if (args.length != 3) {
            System.err.println("usage: DataExport <preset-id> <data-spec> <out-dir>");
            System.exit(2);
        }
        Network net = Presets.get(args[0]);
        ai.djl.ndarray.types.Shape chw = NetworkBlock.of(net).inputShape(1);
        ImageShape target = new ImageShape((int) chw.get(1), (int) chw.get(2), (int) chw.get(3));
        DataSplit split = DatasetLoader.load(args[1]);
        if (ImageAdapter.check(split.shape(), target).isPresent()) {
            split = ImageAdapter.adapt(split, target);
        }
        split = Normalization.fit(split.train()).apply(split);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        write(out, "train", split.train());
        write(out, "val", split.test());
        System.out.printf("wrote %d training and %d validation images of %s to %s%n", split.train().size(),
                split.test().size(), target, out);
    }

    private static void write(Path dir, String name, ImageSet s) throws IOException {
        Npy.writeFloats(dir.resolve(name + "_x.npy"), s.pixels(), s.size(), s.channels(), s.height(), s.width());
        Npy.writeInts(dir.resolve(name + "_y.npy"), s.labels(), s.size());
    }
}
