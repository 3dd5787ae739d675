/**
 * The Inspect workspace: feature maps, filters, receptive fields, attribution and mistakes of the current or a saved run.
 */
package org.convstudio.ui.inspect;
