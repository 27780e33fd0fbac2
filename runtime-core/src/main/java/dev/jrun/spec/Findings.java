package dev.jrun.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one validation run, in the order the checks report them. */
final class Findings {

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new Finding(path, message));
    }

    void warn(String path, String message) {
        warnings.add(new Finding(path, message));
    }

    Validation result() {
        return new Validation(errors, warnings);
    }
}
