/**
 * Everything that runs a design with DJL and the PyTorch engine: building blocks, data sets, training, checkpoints and devices. No JavaFX.
 */
package org.convstudio.engine;
