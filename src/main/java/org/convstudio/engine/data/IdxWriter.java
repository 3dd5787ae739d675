package org.convstudio.engine.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes MNIST-format (IDX, unsigned byte) files: used to export greyscale image sets and by tests to make
 * small data sets. Pixels in [0,1] are stored as {@code round(v*255)}, clamped to 0..255.
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /** Writes {@code set} (1 channel, labels 0..255) as an images file and a labels file. */
    public static void write(ImageSet set, Path imagesFile, Path labelsFile, boolean gzip) throws IOException {
        if (set.channels() != 1) {
            throw new IllegalArgumentException("IDX image files hold greyscale images, got " + set.channels() + " channels");
        }
        byte[] px = new byte[set.pixels().length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, Math.round(set.pixels()[i] * 255f)));
        }
        byte[] lb = new byte[set.size()];
        for (int i = 0; i < lb.length; i++) {
            if (set.labels()[i] < 0 || set.labels()[i] > 255) {
                throw new IllegalArgumentException("label " + set.labels()[i] + " does not fit in an unsigned byte");
            }
            lb[i] = (byte) set.labels()[i];
        }
        writeImages(imagesFile, set.size(), set.height(), set.width(), px, gzip);
        writeLabels(labelsFile, lb, gzip);
    }

    /** Writes an images file: magic 0x803, count, rows, cols, then the bytes. */
    public static void writeImages(Path file, int count, int rows, int cols, byte[] pixels, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(file, gzip))) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
    }

    /** Writes a labels file: magic 0x801, count, then one byte per label. */
    public static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(file, gzip))) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return gzip ? new GZIPOutputStream(out, 1 << 16) : out;
    }
}
