package dev.graft.host;

/**
 * The state of one Declarative Services component of a plugin, as SCR reports it.
 *
 * @param name the component name
 * @param state {@code active}, {@code satisfied}, {@code unsatisfied reference},
 *        {@code unsatisfied configuration}, {@code failed activation} or {@code disabled}
 * @param failure the failure text SCR gives, or empty
 * @param waitingFor what an unsatisfied component waits for: {@code configuration PID x} or
 *        {@code service x} (several joined by commas); empty when it waits for nothing
 */
public record ComponentState(String name, String state, String failure, String waitingFor) {

    /** A component that waits for nothing. */
    public ComponentState(String name, String state, String failure) {
        this(name, state, failure, "");
    }

    /** @return whether the component failed to activate */
    public boolean failed() {
        return state.equals("failed activation");
    }

    /** @return whether the component waits for a configuration or a service */
    public boolean waiting() {
        return !waitingFor.isEmpty();
    }
}
