/**
 * What the Embed workspace and the {@code embed} command need from DJL: a trained run's layer activations
 * (flattened, one row per image) and predictions, computed batch by batch with the network's own block.
 */
package org.convstudio.engine.embed;
