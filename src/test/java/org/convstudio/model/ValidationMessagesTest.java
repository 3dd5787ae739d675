package org.convstudio.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.analysis.Problem;
import org.convstudio.model.graph.Network;
import org.convstudio.model.graph.Node;
import org.convstudio.model.layer.Add;
import org.convstudio.model.layer.Concat;
import org.convstudio.model.layer.Conv2d;
import org.convstudio.model.layer.Dense;
import org.convstudio.model.layer.Dropout;
import org.convstudio.model.layer.Flatten;
import org.convstudio.model.layer.Input;
import org.convstudio.model.layer.Pool2d;
import org.convstudio.model.layer.Padding;
import org.junit.jupiter.api.Test;

/** Every invalid design gets a message naming the block and saying what to do. */
class ValidationMessagesTest {

    static Analysis analyze(Node... nodes) {
        return NetworkAnalyzer.analyze(new Network("t", List.of(nodes)));
    }

    static Problem onlyErrorAt(Analysis a, String node) {
        List<Problem> errors = a.errors();
        assertFalse(a.isValid());
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        assertEquals(node, errors.get(0).nodeId());
        assertTrue(errors.get(0).message().startsWith(node + ": "), errors.get(0).message());
        return errors.get(0);
    }

    @Test
    void kernelLargerThanInput() {
        Analysis a = analyze(Node.of("input", new Input(1, 16, 16)),
                Node.of("pool1", Pool2d.max(2), "input"), Node.of("pool2", Pool2d.max(2), "pool1"),
                Node.of("conv3", Conv2d.of(8, 5), "pool2"));
        Problem p = onlyErrorAt(a, "conv3");
        assertEquals("conv3: its 5×5 kernel window is larger than its 4×4 input — add padding, use a smaller kernel,"
                + " or remove a pooling layer before it", p.message());
        assertTrue(a.info("pool2").orElseThrow().known(), "blocks before the broken one keep their shapes");
    }

    @Test
    void denseOnFeatureMapsAsksForFlatten() {
        Analysis a = analyze(Node.of("input", new Input(1, 8, 8)), Node.of("fc", Dense.of(10), "input"));
        assertTrue(onlyErrorAt(a, "fc").message().contains("add a Flatten block before it"));
    }

    @Test
    void convAfterFlatten() {
        Analysis a = analyze(Node.of("input", new Input(1, 8, 8)), Node.of("flat", new Flatten(), "input"),
                Node.of("conv", Conv2d.of(2, 3), "flat"));
        assertTrue(onlyErrorAt(a, "conv").message().contains("move it before the Flatten"));
    }

    @Test
    void loopsAreNamed() {
        Analysis a = analyze(Node.of("input", new Input(1, 8, 8)),
                Node.of("a", new Conv2d(2, 3, 3, 1, 1, Padding.SAME, 1, 1, 1, true, List.of()), "input", "b"),
                Node.of("b", new Dropout(0.1), "a"));
        assertTrue(a.errors().stream().anyMatch(p -> p.message().contains("part of a loop (a → b → a)")
                || p.message().contains("part of a loop (b → a → b)")), a.errors().toString());
    }

    @Test
    void danglingBlockAndSeveralEnds() {
        Analysis a = analyze(Node.of("input", new Input(1, 8, 8)), Node.of("flat", new Flatten(), "input"),
                Node.of("fc", Dense.of(10), "flat"), Node.of("lost", Conv2d.of(2, 3)),
                Node.of("side", new Dropout(0.2), "input"));
        assertTrue(a.problemsFor("lost").get(0).message().contains("nothing is connected to its input"));
        assertTrue(a.problemsFor("side").get(0).message().contains("its output goes nowhere"));
        assertEquals("fc", a.outputId());
    }

    @Test
    void mergesOfIncompatibleShapes() {
        Analysis add = analyze(Node.of("input", new Input(3, 8, 8)), Node.of("c", Conv2d.of(4, 3), "input"),
                Node.of("sum", new Add(), "c", "input"));
        assertTrue(onlyErrorAt(add, "sum").message().contains("different shapes (4×6×6 and 3×8×8)"));
        Analysis cat = analyze(Node.of("input", new Input(3, 8, 8)), Node.of("c", Conv2d.of(4, 3), "input"),
                Node.of("cat", new Concat(), "c", "input"));
        assertTrue(onlyErrorAt(cat, "cat").message().contains("maps of different sizes (6×6 and 8×8)"));
        Analysis one = analyze(Node.of("input", new Input(3, 8, 8)), Node.of("sum", new Add(), "input"));
        assertTrue(onlyErrorAt(one, "sum").message().contains("needs at least 2 inputs"));
    }

    @Test
    void inputsMustBeOneAndExist() {
        Analysis none = analyze(Node.of("fc", Dense.of(3), "ghost"));
        assertTrue(none.errors().stream().anyMatch(p -> p.message().contains("\"ghost\", which does not exist")));
        assertTrue(none.errors().stream().anyMatch(p -> p.message().contains("no Input block")));
        Analysis two = analyze(Node.of("input", new Input(1, 8, 8)), Node.of("input2", new Input(1, 8, 8)),
                Node.of("sum", new Add(), "input", "input2"));
        assertTrue(onlyErrorAt(two, "input2").message().contains("exactly one Input block"));
        Analysis dup = NetworkAnalyzer.analyze(new Network("d", List.of(Node.of("x", new Input(1, 4, 4)),
                Node.of("x", new Flatten(), "x"))));
        assertFalse(dup.isValid());
    }

    @Test
    void groupsMustDivideChannels() {
        Analysis a = analyze(Node.of("input", new Input(3, 8, 8)), Node.of("g", Conv2d.of(4, 3).withGroups(2), "input"));
        assertTrue(onlyErrorAt(a, "g").message().contains("3 input channels cannot be split into 2"));
    }

    @Test
    void hyperparametersAreCheckedWhenBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Conv2d.of(0, 3));
        assertEquals("a convolution needs at least 1 filter", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> Conv2d.of(6, 4).withPadding(Padding.SAME));
        assertThrows(IllegalArgumentException.class, () -> Conv2d.of(16, 5).withConnections(List.of(List.of(0))));
    }

    @Test
    void hugeDesignsAreStoppedBeforeTheyExhaustMemory() {
        Analysis a = analyze(Node.of("input", new Input(3, 1024, 1024)), Node.of("flat", new Flatten(), "input"),
                Node.of("fc", Dense.of(4096), "flat"));
        assertTrue(onlyErrorAt(a, "fc").message().contains("more than one tensor can hold"));
    }

    @Test
    void outputMustBeClassScoresToTrain() {
        Analysis a = analyze(Node.of("input", new Input(1, 8, 8)), Node.of("c", Conv2d.of(2, 3), "input"));
        assertTrue(a.isValid());
        assertTrue(a.trainBlocker().orElseThrow().contains("end it with Flatten and then Dense"));
    }
}
