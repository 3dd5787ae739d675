package org.convstudio.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {

    @TempDir
    Path dir;

    @Test
    void oneRowPerEpochWithEmptyCellsForMissingValidation() throws Exception {
        List<EpochRecord> h = List.of(new EpochRecord(1, 0.5, 0.8, 0.25, 0.9, 1e-3, 12.5, 1234.5),
                new EpochRecord(2, 0.125, 0.95, Double.NaN, Double.NaN, 5e-4, 11, 1400));
        HistoryCsv.write(dir, h);
        List<String> lines = Files.readAllLines(dir.resolve("history.csv"));
        assertEquals(List.of(HistoryCsv.HEADER, "1,0.500000,0.800000,0.250000,0.900000,0.00100000,12.5000,1234.50",
                "2,0.125000,0.950000,,,0.000500000,11.0000,1400.00"), lines);
        String[] fields = HistoryCsv.HEADER.split(",");
        var components = EpochRecord.class.getRecordComponents();
        for (int i = 0; i < fields.length; i++) {
            assertEquals(components[i].getName(), fields[i], "columns follow EpochRecord");
        }
    }
}
