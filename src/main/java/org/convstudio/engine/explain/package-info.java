/**
 * Failures as sentences for a student: {@link org.convstudio.engine.explain.Explain} turns any exception of
 * training, data or files into one sentence that names the block or file and says what to do (the CLI and the
 * app's dialogs both use it), and {@link org.convstudio.engine.explain.RunSetupException} is the exception whose
 * message already is such a sentence.
 */
package org.convstudio.engine.explain;
