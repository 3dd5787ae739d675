package org.convstudio.ui.training;

import java.util.Locale;

import org.convstudio.engine.device.DeviceRequest;

/**
 * The app's device choice — one value, shown by the Train page's Device box and by File ▸ Settings, kept in
 * the preferences ({@link TrainingViewModel#deviceOptionProperty()}). Pure: no JavaFX.
 */
public enum DeviceOption {
    /** The first GPU when PyTorch sees one, else the CPU. */
    AUTO("Auto", DeviceRequest.auto()),
    CPU("CPU", DeviceRequest.cpu()),
    /** GPU 0; without one the run falls back to the CPU and says so. */
    GPU("GPU", DeviceRequest.gpu(0));

    private final String label;
    private final DeviceRequest request;

    DeviceOption(String label, DeviceRequest request) {
        this.label = label;
        this.request = request;
    }

    /** The word shown in the boxes. */
    public String label() {
        return label;
    }

    /** What the engine is asked for. */
    public DeviceRequest request() {
        return request;
    }

    /** The key kept in the preferences ("auto", "cpu", "gpu"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The option for a preferences key; CPU (the default so far) for anything unknown. */
    public static DeviceOption ofKey(String key) {
        for (DeviceOption o : values()) {
            if (o.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return o;
            }
        }
        return CPU;
    }
}
