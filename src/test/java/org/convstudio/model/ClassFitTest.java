package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convstudio.model.analysis.ClassFit;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

class ClassFitTest {

    @Test
    void lenetOnTenClassesFits() {
        assertTrue(ClassFit.check(NetworkAnalyzer.analyze(Presets.get("lenet")), 10).isEmpty());
    }

    @Test
    void aDesignEndingInAFlattenSaysWhatToAdd() {
        Network lenet = Presets.get("lenet");
        // cut LeNet after its Flatten: 16×5×5 = 400 outputs
        java.util.Set<String> tail = new java.util.HashSet<>();
        boolean after = false;
        for (var n : lenet.nodes()) {
            if (after) {
                tail.add(n.id());
            }
            if (n.id().equals("flatten")) {
                after = true;
            }
        }
        var m = ClassFit.check(NetworkAnalyzer.analyze(lenet.without(tail)), 10).orElseThrow();
        assertEquals("The design ends in a Flatten (flatten) with 400 outputs but the data has 10 classes"
                + " — add a Dense layer with 10 units.", m.message());
        assertTrue(m.fixed().isEmpty());
    }

    @Test
    void alexNetOnMnistOffersToGiveItsLastDenseTenUnits() {
        var a = NetworkAnalyzer.analyze(Presets.get("alexnet"));
        var m = ClassFit.check(a, 10).orElseThrow();
        assertTrue(m.message().contains("1,000 outputs but the data has 10 classes"), m.message());
        Network fixed = m.fixed().orElseThrow();
        assertTrue(ClassFit.check(NetworkAnalyzer.analyze(fixed), 10).isEmpty());
        assertTrue(fixed.nodes().stream().anyMatch(n -> n.layer() instanceof Dense d && d.units() == 10));
    }
}
