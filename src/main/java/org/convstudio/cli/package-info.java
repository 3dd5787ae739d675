/**
 * The headless commands ({@code convstudio summary | presets | train | bench | help}), picocli, over the
 * same code as the app: {@code train} goes through {@link org.convstudio.engine.run.TrainingJob}, errors
 * are worded by {@link org.convstudio.engine.explain.Explain}. Every subcommand answers {@code --help}.
 * Options and JSON fields of {@code train} and {@code bench} are contracts: add, never rename.
 */
package org.convstudio.cli;
