/**
 * Probes: looking inside a network without changing it. {@link org.convstudio.engine.probe.Probe} captures
 * every node's output for chosen inputs in inference mode (batch-norm statistics and dropout untouched) and
 * copies every weight (and gradient, when one exists) into plain {@link org.convstudio.engine.probe.FloatTensor}s;
 * {@link org.convstudio.engine.probe.InputGradients} computes gradients with respect to the input or to one
 * node's output (saliency, SmoothGrad, Grad-CAM, effective receptive field, activation maximisation) with the
 * parameters frozen. Every temporary lives in a sub-manager closed before the call returns.
 *
 * <p>A probe runs on the thread that owns the model: the inspection worker of an
 * {@link org.convstudio.engine.probe.InspectionModel} (its own copy of a saved run, a preset or a design
 * file), or the training thread between two steps: {@link org.convstudio.engine.probe.LiveProbe}, a
 * rate-limited {@link org.convstudio.engine.train.StepHook} publishing immutable snapshots, started and stopped
 * while the run trains through the run's {@link org.convstudio.engine.probe.ProbeTap} (no listener: no probing). All gradient work in the process goes through
 * {@link org.convstudio.engine.probe.InputGradients} (one lock) and the training code's
 * {@link org.convstudio.engine.train.Autograd} switch; DJL's {@code GradientCollector}, of which only one may
 * exist per process, is never used.
 */
package org.convstudio.engine.probe;
