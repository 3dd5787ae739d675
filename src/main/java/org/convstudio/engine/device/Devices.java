package org.convstudio.engine.device;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.ArrayList;
import java.util.List;

/** Which devices DJL's PyTorch engine can use here, and the choice of one for a request. */
public final class Devices {

    /** DJL's name of the engine ConvStudio trains with. */
    public static final String ENGINE = "PyTorch";

    private Devices() {
    }

    /**
     * The PyTorch engine (loads libtorch on first use, applying {@link TorchThreads} settings and
     * {@link NativeAllocator} tuning first).
     */
    public static Engine engine() {
        NativeAllocator.tune();
        TorchThreads.beforeEngineLoad();
        return Engine.getEngine(ENGINE);
    }

    /** Number of CUDA GPUs the engine sees (0 on a CPU-only libtorch or a machine without a GPU). */
    public static int gpuCount() {
        return engine().getGpuCount();
    }

    /** "cpu" followed by "gpu:0", "gpu:1", ... for every visible GPU. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        names.add("cpu");
        for (int i = 0; i < gpuCount(); i++) {
            names.add("gpu:" + i);
        }
        return names;
    }

    /**
     * Chooses the device for a request; a GPU that is not there falls back to the CPU with a notice, and
     * automatic takes GPU 0 when there is one and the CPU otherwise, without a notice.
     */
    public static DeviceChoice choose(DeviceRequest request) {
        if (request.kind() == DeviceRequest.Kind.CPU) {
            return new DeviceChoice(Device.cpu(), request, "");
        }
        int gpus = gpuCount();
        if (request.kind() == DeviceRequest.Kind.AUTO) {
            return new DeviceChoice(gpus > 0 ? Device.gpu(0) : Device.cpu(), request, "");
        }
        if (gpus == 0) {
            return new DeviceChoice(Device.cpu(), request, "GPU " + request.index()
                    + " was requested but no CUDA GPU is available to PyTorch (" + engine().getVersion()
                    + ", CPU build or no driver) — training on the CPU instead");
        }
        if (request.index() >= gpus) {
            return new DeviceChoice(Device.cpu(), request, "GPU " + request.index() + " was requested but only "
                    + gpus + " GPU(s) are visible — training on the CPU instead");
        }
        return new DeviceChoice(Device.gpu(request.index()), request, "");
    }
}
