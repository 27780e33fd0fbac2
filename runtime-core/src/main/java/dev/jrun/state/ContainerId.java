package dev.jrun.state;

/**
 * runc's container id rule: ASCII letters, digits, '_', '+', '-' and '.', at most 1024
 * characters, and neither "." nor "..". The id names a directory under the state root, so this
 * check is what keeps an id from escaping it.
 */
public final class ContainerId {

    static final int MAX_LENGTH = 1024;

    private ContainerId() {
    }

    /** Returns the id when it is valid. */
    public static String validate(String id) {
        if (!isValid(id)) {
            throw new StateException("invalid container id \"" + id + "\"");
        }
        return id;
    }

    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || id.equals(".") || id.equals("..")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '+' || c == '-' || c == '.';
    }
}
