package org.convstudio.engine.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of a TensorBoard event file. A file is a sequence of TFRecord records:
 * {@code uint64 length, uint32 masked_crc32c(length bytes), data, uint32 masked_crc32c(data)}, all little
 * endian, each holding one serialized {@code tensorflow.Event} protobuf. Only what scalars need is encoded:
 * {@code Event{wall_time=1 (double), step=2 (int64), file_version=3 (string), summary=5}},
 * {@code Summary{value=1 (repeated)}} and {@code Summary.Value{tag=1 (string), simple_value=2 (float)}}.
 */
public final class EventRecords {

    /** The version string of the first event of every file, as TensorFlow writes it. */
    public static final String FILE_VERSION = "brain.Event:2";
    private static final int MASK_DELTA = 0xa282ead8;

    private EventRecords() {
    }

    /** CRC-32C (Castagnoli) of {@code data[off, off+len)}, masked as TFRecord stores it. */
    public static int maskedCrc(byte[] data, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(data, off, len);
        int crc = (int) c.getValue();
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** One framed record holding {@code data}. */
    public static byte[] record(byte[] data) {
        byte[] head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        b.putInt(maskedCrc(head, 0, 8));
        b.put(data);
        b.putInt(maskedCrc(data, 0, data.length));
        return b.array();
    }

    /** The first event of a file: its wall time and the file version. */
    public static byte[] fileVersionEvent(double wallTime) {
        Proto p = new Proto();
        p.fixed64(1, Double.doubleToRawLongBits(wallTime));
        p.string(3, FILE_VERSION);
        return p.bytes();
    }

    /** An event with one scalar {@code tag = value} at {@code step}. */
    public static byte[] scalarEvent(double wallTime, long step, String tag, float value) {
        Proto v = new Proto();
        v.string(1, tag);
        v.fixed32(2, Float.floatToRawIntBits(value));
        Proto summary = new Proto();
        summary.message(1, v.bytes());
        Proto e = new Proto();
        e.fixed64(1, Double.doubleToRawLongBits(wallTime));
        e.varint(2, step);
        e.message(5, summary.bytes());
        return e.bytes();
    }

    /** A minimal protobuf writer (wire types 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            rawVarint((long) field << 3);
            rawVarint(value);
        }

        void fixed64(int field, long bits) {
            rawVarint(((long) field << 3) | 1);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)) & 0xff);
            }
        }

        void fixed32(int field, int bits) {
            rawVarint(((long) field << 3) | 5);
            for (int i = 0; i < 4; i++) {
                out.write((bits >>> (8 * i)) & 0xff);
            }
        }

        void string(int field, String s) {
            message(field, s.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, byte[] bytes) {
            rawVarint(((long) field << 3) | 2);
            rawVarint(bytes.length);
            out.writeBytes(bytes);
        }

        private void rawVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
