package dev.jrun.linux.seccomp;

import dev.jrun.spec.ConfigException;
import dev.jrun.spec.Finding;
import dev.jrun.spec.Seccomp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profile's names turned into libseccomp's numbers, before libseccomp is involved: action
 * values, seccomp(2) flag bits, and flat rules of one syscall name each. A name it does not know
 * is a {@link ConfigException} naming its place in config.json.
 */
final class SeccompRules {

    static final String PATH = "linux.seccomp";

    static final int ACT_KILL_THREAD = 0x00000000;
    static final int ACT_KILL_PROCESS = 0x80000000;
    static final int ACT_TRAP = 0x00030000;
    static final int ACT_ERRNO = 0x00050000;
    static final int ACT_TRACE = 0x7ff00000;
    static final int ACT_LOG = 0x7ffc0000;
    static final int ACT_ALLOW = 0x7fff0000;

    private static final int EPERM = 1;
    private static final int MAX_ARGS = 6;

    private static final Map<String, Integer> PLAIN_ACTIONS = Map.of(
            "SCMP_ACT_KILL", ACT_KILL_THREAD,
            "SCMP_ACT_KILL_THREAD", ACT_KILL_THREAD,
            "SCMP_ACT_KILL_PROCESS", ACT_KILL_PROCESS,
            "SCMP_ACT_TRAP", ACT_TRAP,
            "SCMP_ACT_LOG", ACT_LOG,
            "SCMP_ACT_ALLOW", ACT_ALLOW);

    private static final Map<String, Integer> OPERATORS = Map.of(
            "SCMP_CMP_NE", 1,
            "SCMP_CMP_LT", 2,
            "SCMP_CMP_LE", 3,
            "SCMP_CMP_EQ", 4,
            "SCMP_CMP_GE", 5,
            "SCMP_CMP_GT", 6,
            "SCMP_CMP_MASKED_EQ", 7);

    // TSYNC is accepted and dropped, as runc does: the helper that loads the filter has one thread.
    private static final Map<String, Integer> FLAGS = Map.of(
            "SECCOMP_FILTER_FLAG_TSYNC", 0,
            "SECCOMP_FILTER_FLAG_LOG", 2,
            "SECCOMP_FILTER_FLAG_SPEC_ALLOW", 4);

    /** One struct scmp_arg_cmp: for MASKED_EQ, datumA is the mask and datumB the value. */
    record Condition(int index, int op, long datumA, long datumB) {
    }

    /** The action for syscall {@code name} when all the conditions hold. */
    record Rule(String name, int action, List<Condition> conditions) {
    }

    private SeccompRules() {
    }

    /** The action's value; ERRNO and TRACE carry errnoRet, EPERM when it is absent (as runc). */
    static int action(String name, Long errnoRet, String path) {
        Integer plain = lookup(PLAIN_ACTIONS, name);
        if (plain != null) {
            return plain; // runc ignores an errnoRet here too
        }
        int data = errnoRet == null ? EPERM : (int) (errnoRet & 0xffff);
        if ("SCMP_ACT_ERRNO".equals(name)) {
            return ACT_ERRNO | data;
        }
        if ("SCMP_ACT_TRACE".equals(name)) {
            return ACT_TRACE | data;
        }
        if ("SCMP_ACT_NOTIFY".equals(name)) {
            throw error(path, "unsupported action \"SCMP_ACT_NOTIFY\": jrun has no seccomp listener yet");
        }
        throw error(path, "unknown action " + quote(name));
    }

    /** The flags argument of seccomp(SECCOMP_SET_MODE_FILTER). */
    static int flags(List<String> names) {
        int flags = 0;
        for (int i = 0; i < names.size(); i++) {
            Integer bit = lookup(FLAGS, names.get(i));
            if (bit == null) {
                throw error(PATH + ".flags[" + i + "]", "unsupported flag " + quote(names.get(i)));
            }
            flags |= bit;
        }
        return flags;
    }

    /** Every rule of the profile whose action differs from the default (libseccomp refuses the others). */
    static List<Rule> rules(Seccomp profile, int defaultAction) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < profile.syscalls().size(); i++) {
            Seccomp.Syscall syscall = profile.syscalls().get(i);
            String path = PATH + ".syscalls[" + i + "]";
            int action = action(syscall.action(), syscall.errnoRet(), path + ".action");
            List<List<Condition>> conditionSets = conditionSets(syscall.args(), path);
            if (action == defaultAction) {
                continue;
            }
            for (String name : syscall.names()) {
                for (List<Condition> conditions : conditionSets) {
                    rules.add(new Rule(name, action, conditions));
                }
            }
        }
        return rules;
    }

    /**
     * The conditions of one profile rule as libseccomp rules take them. libseccomp refuses two
     * conditions on the same argument in one rule, so then, as runc and crun do, each condition
     * becomes a rule of its own (the conditions are or-ed instead of and-ed).
     */
    private static List<List<Condition>> conditionSets(List<Seccomp.Arg> args, String path) {
        List<Condition> conditions = new ArrayList<>();
        boolean[] seen = new boolean[MAX_ARGS];
        boolean repeated = false;
        for (int j = 0; j < args.size(); j++) {
            Condition condition = condition(args.get(j), path + ".args[" + j + "]");
            repeated |= seen[condition.index()];
            seen[condition.index()] = true;
            conditions.add(condition);
        }
        if (!repeated) {
            return List.of(List.copyOf(conditions));
        }
        return conditions.stream().map(List::of).toList();
    }

    private static Condition condition(Seccomp.Arg arg, String path) {
        if (arg.index() < 0 || arg.index() >= MAX_ARGS) {
            throw error(path + ".index", "must be between 0 and " + (MAX_ARGS - 1));
        }
        Integer op = lookup(OPERATORS, arg.op());
        if (op == null) {
            throw error(path + ".op", "unknown operator " + quote(arg.op()));
        }
        return new Condition((int) arg.index(), op, arg.value(), arg.valueTwo());
    }

    /** Map.of refuses to look up null, and a name missing from config.json is null. */
    private static Integer lookup(Map<String, Integer> values, String name) {
        return name == null ? null : values.get(name);
    }

    static ConfigException error(String path, String message) {
        return new Finding(path, message).toException();
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
