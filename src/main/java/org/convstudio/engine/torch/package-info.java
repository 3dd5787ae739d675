/**
 * The only code that touches DJL's PyTorch internals ({@code ai.djl.pytorch..}): thread-local grad mode
 * and backward ({@link org.convstudio.engine.torch.Autograd}), libtorch's thread pools
 * ({@link org.convstudio.engine.torch.NativeThreads}) and libtorch's profiler
 * ({@link org.convstudio.engine.torch.NativeProfiler}). Everything else in the engine goes through DJL's
 * engine-neutral API; ArchitectureTest keeps it so.
 */
package org.convstudio.engine.torch;
