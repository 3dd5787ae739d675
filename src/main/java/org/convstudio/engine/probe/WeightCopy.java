package org.convstudio.engine.probe;

/**
 * A copy of one parameter of the network.
 *
 * @param node      the block it belongs to (e.g. conv1)
 * @param name      DJL's parameter name within the block (weight, bias, gamma, runningMean...)
 * @param value     its values
 * @param gradient  its gradient, or null when it has none (never trained, or a buffer such as a running mean)
 * @param trainable whether training updates it (false for batch-norm running statistics)
 */
public record WeightCopy(String node, String name, FloatTensor value, FloatTensor gradient, boolean trainable) {
}
