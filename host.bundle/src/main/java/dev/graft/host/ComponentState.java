package dev.graft.host;

/**
 * The state of one Declarative Services component of a plugin, as SCR reports it.
 *
 * @param name the component name
 * @param state {@code active}, {@code satisfied}, {@code unsatisfied reference},
 *        {@code unsatisfied configuration}, {@code failed activation} or {@code disabled}
 * @param failure the failure text SCR gives, or empty
 */
public record ComponentState(String name, String state, String failure) {

    /** @return whether the component failed to activate */
    public boolean failed() {
        return state.equals("failed activation");
    }
}
