package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convstudio.model.io.NetworkFileException;
import org.convstudio.model.io.NetworkJson;
import org.junit.jupiter.api.Test;

/** A value out of range is reported as itself, not as "unknown field" for the fields after it. */
class PaddingLimitMessageTest {

    @Test
    void paddingOverTheLimitNamesThePaddingLimit() {
        String json = "{\"format\":1,\"name\":\"p\",\"nodes\":["
                + "{\"id\":\"in\",\"type\":\"input\",\"channels\":1,\"height\":28,\"width\":28},"
                + "{\"id\":\"c1\",\"type\":\"conv2d\",\"inputs\":[\"in\"],\"filters\":4,\"kernel\":3,\"padding\":2000,"
                + "\"dilation\":1,\"groups\":1,\"bias\":true}]}";
        NetworkFileException e = assertThrows(NetworkFileException.class, () -> NetworkJson.parse("p.convnet.json", json));
        assertEquals(1, e.problems().size(), e.problems().toString());
        String p = e.problems().get(0);
        assertTrue(p.contains("padding can be at most 1024") && p.startsWith("$.nodes[1]"), p);
        assertTrue(!p.contains("unknown field"), p);
    }
}
