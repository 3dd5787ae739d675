package org.convstudio.analysis.lesson;

/**
 * Runs one forward pass, one backward pass and one gradient step of a {@link BackpropProblem} with real
 * autograd (the engine implements it with DJL/PyTorch); the lesson only lays the numbers out.
 */
@FunctionalInterface
public interface BackpropSolver {

    BackpropTrace solve(BackpropProblem problem);
}
