package org.convstudio.engine.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterTest {

    @TempDir
    Path dir;

    /** CRC-32C of "123456789" is 0xE3069283 (the Castagnoli check value); the mask rotates by 15 and adds 0xa282ead8. */
    @Test
    void maskedCrcIsTfRecordsMask() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        int crc = 0xE3069283;
        int expected = ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
        assertEquals(expected, EventRecords.maskedCrc(check, 0, check.length));
    }

    @Test
    void scalarsReadBackWithValidCrcs() throws Exception {
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir.resolve("logs"))) {
            file = w.file();
            w.scalar("loss/train", 1, 0.75);
            w.scalar("accuracy/validation", 1, 0.9);
            w.scalar("loss/train", 300, 0.25);
        }
        assertTrue(file.getFileName().toString().startsWith("events.out.tfevents."), file.toString());
        List<EventFileReader.Event> events = EventFileReader.read(file);
        assertEquals(4, events.size());
        assertEquals(EventRecords.FILE_VERSION, events.get(0).fileVersion());
        assertTrue(events.get(0).wallTime() > 1.6e9, "wall time in seconds since 1970");
        assertEquals(List.of(new EventFileReader.Scalar("loss/train", 0.75f)), events.get(1).scalars());
        assertEquals(1, events.get(1).step());
        assertEquals(new EventFileReader.Scalar("accuracy/validation", 0.9f), events.get(2).scalars().get(0));
        assertEquals(300, events.get(3).step(), "steps above 127 take two varint bytes");
        assertEquals(0.25f, events.get(3).scalars().get(0).value());
    }

    @Test
    void aFlippedByteIsCaughtByTheCrc() throws Exception {
        Path file;
        try (EventFileWriter w = new EventFileWriter(dir)) {
            file = w.file();
            w.scalar("loss/train", 1, 0.5);
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x01; // inside the last record's data
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> EventFileReader.read(file));
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
    }

    /** TensorBoard's own reader, when python3 has the tensorboard package (skipped with a message otherwise). */
    @Test
    void tensorBoardReadsTheScalars() throws Exception {
        boolean have;
        try {
            have = new ProcessBuilder("python3", "-c", "import tensorboard").start().waitFor() == 0;
        } catch (IOException e) {
            have = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(have,
                "python3 has no tensorboard package: the event files are checked by EventFileReader only");
        try (EventFileWriter w = new EventFileWriter(dir)) {
            w.scalar("loss/train", 1, 0.75);
            w.scalar("loss/train", 2, 0.5);
        }
        String script = "import sys\n"
                + "from tensorboard.backend.event_processing.event_accumulator import EventAccumulator\n"
                + "a = EventAccumulator(sys.argv[1]); a.Reload()\n"
                + "for e in a.Scalars('loss/train'): print(e.step, e.value)\n";
        Process p = new ProcessBuilder("python3", "-c", script, dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("1 0.75") && out.contains("2 0.5"), out);
    }

    @Test
    void twoWritersInOneFolderGetTwoFiles() throws Exception {
        try (EventFileWriter a = new EventFileWriter(dir); EventFileWriter b = new EventFileWriter(dir)) {
            assertTrue(!a.file().equals(b.file()));
        }
    }
}
