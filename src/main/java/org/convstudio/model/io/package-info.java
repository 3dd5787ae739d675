/**
 * The {@code *.convnet.json} file format: reading with JSON-path error messages, writing atomically (temporary file, flush, rename).
 */
package org.convstudio.model.io;
