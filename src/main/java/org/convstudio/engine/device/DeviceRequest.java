package org.convstudio.engine.device;

import java.util.Locale;

/**
 * The device a user asked for: the CPU, GPU number {@code index}, or automatic (the first GPU when there is
 * one, else the CPU). What is actually used is decided by
 * {@link Devices#choose(DeviceRequest)}, which falls back to the CPU when the GPU is not there.
 */
public record DeviceRequest(Kind kind, int index) {

    /** Kind of device. */
    public enum Kind { CPU, GPU, AUTO }

    public DeviceRequest {
        if (kind == null) {
            kind = Kind.CPU;
        }
        if (index < 0) {
            throw new IllegalArgumentException("device index must not be negative: " + index);
        }
    }

    public static DeviceRequest cpu() {
        return new DeviceRequest(Kind.CPU, 0);
    }

    /** The first GPU when PyTorch sees one, else the CPU (no fallback notice either way). */
    public static DeviceRequest auto() {
        return new DeviceRequest(Kind.AUTO, 0);
    }

    public static DeviceRequest gpu(int index) {
        return new DeviceRequest(Kind.GPU, index);
    }

    /** Parses "cpu", "auto", "gpu", "gpu0", "gpu:1", "cuda:0" (case-insensitive). */
    public static DeviceRequest parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("cpu")) {
            return cpu();
        }
        if (t.equals("auto")) {
            return auto();
        }
        for (String prefix : new String[] {"gpu", "cuda"}) {
            if (t.startsWith(prefix)) {
                String rest = t.substring(prefix.length()).replace(":", "");
                return gpu(rest.isEmpty() ? 0 : Integer.parseInt(rest));
            }
        }
        throw new IllegalArgumentException("unknown device: " + text + " (use cpu or gpu:N)");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CPU -> "cpu";
            case AUTO -> "auto";
            case GPU -> "gpu:" + index;
        };
    }
}
