/**
 * What keeps a run folder whole: one owner at a time ({@link org.convstudio.engine.run.RunLock}), the checks
 * made before a run is continued ({@link org.convstudio.engine.run.RunIntegrity}), the checkpoint sequence that
 * survives a kill at any step ({@link org.convstudio.engine.run.CheckpointWriter}), and the memory guard run
 * before training starts ({@link org.convstudio.engine.run.MemoryEstimate}, {@link org.convstudio.engine.run.MemoryGuard}).
 * Pure Java: nothing here touches DJL, so all of it is testable without the engine.
 */
package org.convstudio.engine.run;
