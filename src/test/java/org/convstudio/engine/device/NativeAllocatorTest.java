package org.convstudio.engine.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    @Test
    void switchedOffByThePropertyOrLeftToTheEnvironment() {
        assertEquals(NativeAllocator.State.DISABLED, NativeAllocator.decide("false", false, "Linux"));
        assertEquals(NativeAllocator.State.LEFT_TO_ENVIRONMENT, NativeAllocator.decide("true", true, "Linux"));
        assertEquals(NativeAllocator.State.UNSUPPORTED, NativeAllocator.decide("true", false, "Mac OS X"));
    }

    @Test
    void glibcAcceptsBothSettingsOnLinux() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "glibc's mallopt exists on Linux only");
        // mallopt returns 1 only when glibc accepted the value: a threshold above glibc's maximum would fail here
        assertEquals(NativeAllocator.State.TUNED, NativeAllocator.decide("true", false, "Linux"));
    }
}
