package org.convstudio.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.convstudio.engine.device.DeviceRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingConfigTest {

    @Test
    void roundTripsThroughJson() throws Exception {
        TrainingConfig c = TrainingConfig.builder().setOptimizer(OptimizerKind.SGD, 0.1).optMomentum(0.9, true)
                .optSchedule(LrSchedule.step(3, 0.1).withWarmup(100)).optWeightDecay(5e-4).setBatchSize(256)
                .setEpochs(30).optSeed(99).optDevice(DeviceRequest.gpu(1)).optIntraOpThreads(3).build();
        ObjectMapper json = new ObjectMapper();
        assertEquals(c, json.readValue(json.writeValueAsString(c), TrainingConfig.class));
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void rejectsInvalidValues() {
        assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().setBatchSize(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().optMomentum(0, true).build());
    }

    @Test
    void initializerIsStoredUnderItsJsonKeyAndOldConfigsReadAsHe() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TrainingConfig c = TrainingConfig.builder().optInitializer(org.convstudio.engine.build.WeightInit.XAVIER).build();
        var tree = json.valueToTree(c);
        assertEquals("xavier", tree.get("initializer").asText());
        assertEquals(c, json.treeToValue(tree, TrainingConfig.class));
        assertEquals(org.convstudio.engine.build.WeightInit.PYTORCH, TrainingConfig.builder().build().initializer());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("initializer");
        assertEquals(org.convstudio.engine.build.WeightInit.HE, json.treeToValue(tree, TrainingConfig.class).initializer(),
                "a config.json from before the setting describes a run that started with DJL's default (He)");
    }
}
