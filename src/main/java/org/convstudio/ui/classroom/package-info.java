/**
 * The Classroom workspace: the course's lessons, live on the class's own network, in presentation mode.
 */
package org.convstudio.ui.classroom;
