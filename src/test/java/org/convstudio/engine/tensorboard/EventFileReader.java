package org.convstudio.engine.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event file back for the tests, independently of the writer's encoder: checks every record's
 * two masked CRC-32Cs and decodes the protobuf fields generically (any field order, unknown fields skipped).
 */
public final class EventFileReader {

    /** One decoded event: wall time, step, file version (or null) and its scalars (tag, value). */
    public record Event(double wallTime, long step, String fileVersion, List<Scalar> scalars) {
    }

    public record Scalar(String tag, float value) {
    }

    private EventFileReader() {
    }

    /** Every event of {@code file}; fails with the record's offset when a length or CRC is wrong. */
    public static List<Event> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (b.hasRemaining()) {
            int start = b.position();
            if (b.remaining() < 12) {
                throw new IOException("truncated record header at " + start);
            }
            long len = b.getLong();
            int lenCrc = b.getInt();
            if (lenCrc != EventRecords.maskedCrc(all, start, 8)) {
                throw new IOException("bad length CRC at " + start);
            }
            if (len < 0 || len > b.remaining() - 4) {
                throw new IOException("bad length " + len + " at " + start);
            }
            int dataStart = b.position();
            byte[] data = new byte[(int) len];
            b.get(data);
            int dataCrc = b.getInt();
            if (dataCrc != EventRecords.maskedCrc(all, dataStart, (int) len)) {
                throw new IOException("bad data CRC at " + start);
            }
            events.add(event(data));
        }
        return events;
    }

    private static Event event(byte[] data) throws IOException {
        Cursor c = new Cursor(data);
        double wall = 0;
        long step = 0;
        String version = null;
        List<Scalar> scalars = new ArrayList<>();
        while (c.more()) {
            long key = c.varint();
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (field == 1 && wire == 1) {
                wall = Double.longBitsToDouble(c.fixed64());
            } else if (field == 2 && wire == 0) {
                step = c.varint();
            } else if (field == 3 && wire == 2) {
                version = new String(c.bytes(), StandardCharsets.UTF_8);
            } else if (field == 5 && wire == 2) {
                Cursor summary = new Cursor(c.bytes());
                while (summary.more()) {
                    long k = summary.varint();
                    if (k >>> 3 == 1 && (k & 7) == 2) {
                        scalars.add(value(summary.bytes()));
                    } else {
                        summary.skip((int) (k & 7));
                    }
                }
            } else {
                c.skip(wire);
            }
        }
        return new Event(wall, step, version, scalars);
    }

    private static Scalar value(byte[] data) throws IOException {
        Cursor c = new Cursor(data);
        String tag = null;
        float v = Float.NaN;
        while (c.more()) {
            long k = c.varint();
            if (k >>> 3 == 1 && (k & 7) == 2) {
                tag = new String(c.bytes(), StandardCharsets.UTF_8);
            } else if (k >>> 3 == 2 && (k & 7) == 5) {
                v = Float.intBitsToFloat(c.fixed32());
            } else {
                c.skip((int) (k & 7));
            }
        }
        return new Scalar(tag, v);
    }

    private static final class Cursor {
        private final byte[] d;
        private int p;

        Cursor(byte[] d) {
            this.d = d;
        }

        boolean more() {
            return p < d.length;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (p >= d.length) {
                    throw new IOException("truncated varint");
                }
                int b = d[p++] & 0xff;
                v |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return v;
                }
            }
            throw new IOException("varint too long");
        }

        long fixed64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (d[p++] & 0xff) << (8 * i);
            }
            return v;
        }

        int fixed32() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v |= (d[p++] & 0xff) << (8 * i);
            }
            return v;
        }

        byte[] bytes() throws IOException {
            int n = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(d, p, p + n);
            p += n;
            return out;
        }

        void skip(int wire) throws IOException {
            switch (wire) {
                case 0 -> varint();
                case 1 -> p += 8;
                case 2 -> bytes();
                case 5 -> p += 4;
                default -> throw new IOException("unknown wire type " + wire);
            }
        }
    }
}
