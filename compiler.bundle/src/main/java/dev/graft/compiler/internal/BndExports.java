package dev.graft.compiler.internal;

import java.util.Set;
import java.util.TreeSet;

import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Instruction;
import aQute.bnd.osgi.Instructions;

/**
 * The packages a plugin's {@code bnd.bnd} exports, read with bnd's own instruction matching:
 * {@code Export-Package} and {@code -exportcontents}, with wildcards and negations matched against
 * the packages the plugin's sources declare, in the order written (the first match decides). A
 * literal name is exported even when no source declares it, as bnd would try to.
 */
final class BndExports {

    private BndExports() {
    }

    static Set<String> of(PluginBnd bnd, Set<String> ownPackages) {
        Set<String> exports = new TreeSet<>();
        for (String header : new String[] {Constants.EXPORT_PACKAGE, Constants.EXPORT_CONTENTS}) {
            String value = bnd.get(header).orElse("");
            if (value.isEmpty()) {
                continue;
            }
            Instructions instructions = new Instructions(value);
            for (String pkg : ownPackages) {
                for (Instruction instruction : instructions.keySet()) {
                    if (instruction.matches(pkg)) {
                        if (!instruction.isNegated()) {
                            exports.add(pkg);
                        }
                        break;
                    }
                }
            }
            for (Instruction instruction : instructions.keySet()) {
                if (instruction.isLiteral() && !instruction.isNegated()) {
                    exports.add(instruction.getLiteral());
                }
            }
        }
        exports.remove("");
        return exports;
    }
}
