/**
 * What keeps a run folder whole on disk, for any writer: {@link org.convstudio.engine.store.RunLock} (one process
 * trains in a folder at a time; stale locks are recognised), {@link org.convstudio.engine.store.CheckpointWriter}
 * (a checkpoint written beside the old one and swapped in atomically) and
 * {@link org.convstudio.engine.store.RunIntegrity} (the manifest of sizes and checksums a reader checks). Depends on
 * nothing else of the engine, so training ({@code engine.train}) and the run pipeline ({@code engine.run}) both
 * build on it.
 */
package org.convstudio.engine.store;
