package org.convstudio.engine.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convstudio.model.io.AtomicFiles;

/**
 * NumPy's .npy format (version 1.0, little-endian, C order) for float32 and int64 arrays: how the
 * benchmarks and parity tests hand exact tensors to and from a Python peer.
 */
public final class Npy {

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");

    private Npy() {
    }

    /** An array read back: its values as float (int64 arrays converted) and its shape. */
    public record Array(float[] data, long[] shape) {
    }

    public static void writeFloats(Path file, float[] data, long... shape) throws IOException {
        ByteBuffer b = body("<f4", shape, 4L * data.length);
        b.asFloatBuffer().put(data);
        write(file, b);
    }

    public static void writeLongs(Path file, long[] data, long... shape) throws IOException {
        ByteBuffer b = body("<i8", shape, 8L * data.length);
        b.asLongBuffer().put(data);
        write(file, b);
    }

    public static void writeInts(Path file, int[] data, long... shape) throws IOException {
        writeLongs(file, Arrays.stream(data).asLongStream().toArray(), shape);
    }

    /** Reads a float32, float64, int32 or int64 array. */
    public static Array read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.get() != (byte) 0x93 || b.get() != 'N') {
            throw new IOException(file + " is not a .npy file");
        }
        b.position(6);
        int major = b.get();
        b.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] h = new byte[headerLength];
        b.get(h);
        String header = new String(h, StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) {
            throw new IOException(file + " is in Fortran order");
        }
        Matcher m = SHAPE.matcher(header);
        Matcher d = DESCR.matcher(header);
        if (!m.find() || !d.find()) {
            throw new IOException(file + " has no shape or dtype");
        }
        long[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (x, y) -> x * y));
        ByteBuffer rest = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[n];
        switch (d.group(1)) {
            case "<f4" -> rest.asFloatBuffer().get(out);
            case "<f8" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) rest.getDouble(8 * i);
                }
            }
            case "<i8" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = rest.getLong(8 * i);
                }
            }
            case "<i4" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = rest.getInt(4 * i);
                }
            }
            default -> throw new IOException(file + " has an unsupported dtype " + d.group(1));
        }
        return new Array(out, shape);
    }

    private static ByteBuffer body(String descr, long[] shape, long dataBytes) {
        String dims = shape.length == 1 ? shape[0] + "," : Arrays.stream(shape).mapToObj(Long::toString)
                .collect(Collectors.joining(", "));
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(10 + header.length() + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
        return b.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(Path file, ByteBuffer dataView) throws IOException {
        // dataView is a slice after the header: write the whole backing array
        AtomicFiles.write(file, dataView.array());
    }
}
