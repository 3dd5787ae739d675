/**
 * Shared UI pieces: the background executor, the once-per-pulse snapshot drain ({@link org.convstudio.ui.common.PulseDrain}), the canvas line plot and its decimator, CSS helpers and the workspace interface.
 */
package org.convstudio.ui.common;
