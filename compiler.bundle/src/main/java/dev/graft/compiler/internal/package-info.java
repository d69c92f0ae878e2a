/**
 * The implementation of {@link dev.graft.compiler.PluginCompiler}: ECJ over the live wiring of the
 * framework, bndlib packaging, containment. Private to the compiler bundle.
 */
package dev.graft.compiler.internal;
