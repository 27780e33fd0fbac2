package dev.jrun.spec;

import java.util.List;

/** What {@link SpecValidator} found: errors refuse the config, warnings are for the user's log. */
public record Validation(List<Finding> errors, List<Finding> warnings) {

    public Validation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Throws the first error (checks run in a fixed order, so it is always the same one); returns the warnings. */
    public List<Finding> orThrow() {
        if (!errors.isEmpty()) {
            throw errors.get(0).toException();
        }
        return warnings;
    }
}
