/**
 * The Graft test kit: compile, install and assert on source plugins from JUnit 5 tests that run
 * inside the framework.
 */
@Export
@Version("0.2.0")
package dev.graft.test;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
