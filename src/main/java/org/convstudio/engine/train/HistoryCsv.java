package org.convstudio.engine.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convstudio.model.io.AtomicFiles;

/**
 * A run's training history as CSV ({@code history.csv} beside {@code history.json}), for spreadsheets
 * and plotting tools: one header row with the {@link EpochRecord} field names, then one row per epoch.
 * Missing values (no validation set) are empty cells. train.py writes the same columns.
 */
public final class HistoryCsv {

    /** The file name in a run folder. */
    public static final String FILE = "history.csv";
    /** The header row: EpochRecord's fields, in order. */
    public static final String HEADER = "epoch,trainLoss,trainAccuracy,validationLoss,validationAccuracy,learningRate,seconds,imagesPerSecond";

    private HistoryCsv() {
    }

    /** The CSV text: header and one line per record (numbers in plain ASCII, '.' as the decimal point). */
    public static String csv(List<EpochRecord> history) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : history) {
            s.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.trainAccuracy())).append(',')
                    .append(num(r.validationLoss())).append(',').append(num(r.validationAccuracy())).append(',')
                    .append(num(r.learningRate())).append(',').append(num(r.seconds())).append(',')
                    .append(num(r.imagesPerSecond())).append('\n');
        }
        return s.toString();
    }

    /** Writes {@code history.csv} into {@code runFolder} atomically (call it wherever history.json is written). */
    public static void write(Path runFolder, List<EpochRecord> history) throws IOException {
        AtomicFiles.write(runFolder.resolve(FILE), csv(history).getBytes(StandardCharsets.UTF_8));
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v).trim() : "";
    }
}
