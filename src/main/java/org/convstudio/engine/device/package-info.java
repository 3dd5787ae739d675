/**
 * Which device trains (CPU or a CUDA GPU, with the CPU fallback and its notice) and how many threads libtorch uses.
 */
package org.convstudio.engine.device;
