package org.convstudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convstudio.cli.SummaryCommandTest.Result;
import org.convstudio.engine.tensorboard.EventFileReader;
import org.convstudio.engine.tensorboard.TensorBoardListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --tensorboard DIR}: an event file in DIR/&lt;run folder name&gt; with loss, accuracy and learning
 * rate for every epoch, equal to the run's history; read back by our own parser (CRCs checked). TensorBoard's own
 * reader is tried in {@code EventFileWriterTest}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TensorBoardOptionTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesEventFilesTheHistoryAgreesWith() throws Exception {
        Path run = dir.resolve("run");
        Path logs = dir.resolve("tb");
        Result r = SummaryCommandTest.run("train", "lenet", "--data", "mnist-sample", "--limit", "96", "--epochs", "2",
                "--batch", "32", "--threads", "1", "--out", run.toString(), "--tensorboard", logs.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("61,706 of 61,706 parameters train"), r.out());
        assertTrue(r.out().contains("TensorBoard event files in " + logs.toAbsolutePath().resolve("run")), r.out());
        Path file;
        try (Stream<Path> s = Files.list(logs.resolve("run"))) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), files.toString());
            file = files.get(0);
        }
        List<EventFileReader.Event> events = EventFileReader.read(file);
        assertEquals(1 + 2 * 5, events.size(), "the version event, then five scalars per epoch");
        Map<String, Float> last = new HashMap<>();
        for (EventFileReader.Event e : events.subList(1, events.size())) {
            assertEquals(1, e.scalars().size());
            if (e.step() == 2) {
                last.put(e.scalars().get(0).tag(), e.scalars().get(0).value());
            }
        }
        JsonNode epoch2 = new ObjectMapper().readTree(run.resolve("history.json").toFile());
        epoch2 = epoch2.isArray() ? epoch2.get(1) : epoch2.path("epochs").get(1);
        assertEquals((float) epoch2.path("trainLoss").asDouble(), last.get(TensorBoardListener.TRAIN_LOSS), 1e-6);
        assertEquals((float) epoch2.path("validationAccuracy").asDouble(), last.get(TensorBoardListener.VAL_ACCURACY), 1e-6);
        assertEquals(5, last.size(), last.toString());
    }
}
