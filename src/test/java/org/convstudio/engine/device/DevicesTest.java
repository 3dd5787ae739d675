package org.convstudio.engine.device;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicesTest {

    @Test
    void parsesDeviceNames() {
        assertEquals(DeviceRequest.cpu(), DeviceRequest.parse("CPU"));
        assertEquals(DeviceRequest.gpu(0), DeviceRequest.parse("gpu"));
        assertEquals(DeviceRequest.gpu(1), DeviceRequest.parse("cuda:1"));
        assertEquals(DeviceRequest.gpu(2), DeviceRequest.parse("gpu2"));
        assertEquals(DeviceRequest.auto(), DeviceRequest.parse("Auto"));
        assertEquals("auto", DeviceRequest.auto().toString());
        assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse("tpu"));
    }

    @Test
    void cpuIsAlwaysAvailable() {
        DeviceChoice c = Devices.choose(DeviceRequest.cpu());
        assertFalse(c.fellBack());
        assertEquals("cpu", c.label());
        assertTrue(Devices.available().contains("cpu"));
    }

    @Test
    void automaticTakesTheFirstGpuOrTheCpuWithoutANotice() {
        DeviceChoice c = Devices.choose(DeviceRequest.auto());
        assertFalse(c.fellBack(), c.notice());
        assertEquals(Devices.gpuCount() > 0 ? "gpu:0" : "cpu", c.label());
    }

    @Test
    void missingGpuFallsBackToCpuWithNotice() {
        int gpus = Devices.gpuCount();
        DeviceChoice c = Devices.choose(DeviceRequest.gpu(gpus));  // one past the last GPU
        assertTrue(c.fellBack());
        assertFalse(c.device().isGpu());
        assertTrue(c.notice().contains("CPU"), c.notice());
    }

    @Test
    void threadSettingsTakeEffect() {
        TorchThreads.Settings before = TorchThreads.current();
        try {
            assertEquals(1, TorchThreads.apply(new TorchThreads.Settings(1, 1)).intraOp());
            assertEquals(1, TorchThreads.current().intraOp());
        } finally {
            TorchThreads.apply(new TorchThreads.Settings(before.intraOp(), before.interOp()));
        }
        assertTrue(TorchThreads.forApp().intraOp() >= 1);
        assertEquals(TorchThreads.cores(), TorchThreads.forHeadless().intraOp());
    }
}
