package org.convstudio.engine.device;

import ai.djl.Device;

/**
 * The outcome of choosing a device: the DJL device to use, what was asked for, and a message for the
 * user when the request could not be honoured (empty string when it was).
 */
public record DeviceChoice(Device device, DeviceRequest requested, String notice) {

    public DeviceChoice {
        notice = notice == null ? "" : notice;
    }

    /** True when the requested device could not be used and another one was chosen. */
    public boolean fellBack() {
        return !notice.isEmpty();
    }

    /** A short label such as "cpu" or "gpu:0". */
    public String label() {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
