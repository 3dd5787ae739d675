package org.convstudio.engine.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a checkpoint is: how far training got when it was written, and fingerprints of the files written with
 * it (checked by {@link org.convstudio.engine.store.RunIntegrity} before the run is continued).
 *
 * @param formatVersion      run folder format (1)
 * @param epochsCompleted    epochs fully trained (and validated) when written
 * @param targetEpochs       epochs the run was going to
 * @param step               optimiser steps taken; more than {@code epochsCompleted × batches} when the run
 *                           was stopped mid-epoch (the weights then include the partial epoch)
 * @param reason             "epoch", "stopped" or "finished"
 * @param device             device the run trained on
 * @param savedAt            ISO-8601 time of writing
 * @param weightsCrc32       CRC-32 of the weights file written with this record (0: not recorded)
 * @param optimizerCrc32     CRC-32 of the optimiser-state file written with this record (0: not recorded)
 * @param historyCrc32       CRC-32 of the history file written with this record (0: not recorded)
 * @param architectureSha256 SHA-256 of architecture.json when this record was written (empty: not recorded)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointInfo(int formatVersion, int epochsCompleted, int targetEpochs, long step, String reason,
                             String device, String savedAt, long weightsCrc32, long optimizerCrc32,
                             long historyCrc32, String architectureSha256) {

    public static final int FORMAT_VERSION = org.convstudio.engine.store.RunIntegrity.FORMAT_VERSION;

    /** The same record, with the checksums of the files it describes. */
    public CheckpointInfo withChecksums(long weights, long optimizer, long history, String architecture) {
        return new CheckpointInfo(formatVersion, epochsCompleted, targetEpochs, step, reason, device, savedAt, weights,
                optimizer, history, architecture);
    }
}
