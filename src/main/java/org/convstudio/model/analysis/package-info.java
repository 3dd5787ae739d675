/**
 * Everything computed from a design without running it: shape inference, parameters (trainable and not), MACs, memory, receptive fields (size, jump, start; union at merges) and the validation problems, each naming the block that breaks and what to change.
 */
package org.convstudio.model.analysis;
