/** The test kit's implementation; not API. */
package dev.graft.test.internal;
