/**
 * The headless commands ({@code summary}, {@code presets}, {@code train}, {@code bench}…) over the same model and engine code as the app, with picocli. Failures are one sentence on standard error and an exit status, never a stack trace.
 */
package org.convstudio.cli;
