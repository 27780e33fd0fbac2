package dev.jrun.plan;

import static dev.jrun.plan.MountFlags.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MountOptionsTest {

    private static MountOptions parse(String... options) {
        return MountOptions.parse(List.of(options));
    }

    static Stream<Arguments> settingOptions() {
        return Stream.of(
                Arguments.of("ro", MS_RDONLY),
                Arguments.of("nosuid", MS_NOSUID),
                Arguments.of("nodev", MS_NODEV),
                Arguments.of("noexec", MS_NOEXEC),
                Arguments.of("sync", MS_SYNCHRONOUS),
                Arguments.of("dirsync", MS_DIRSYNC),
                Arguments.of("remount", MS_REMOUNT),
                Arguments.of("mand", MS_MANDLOCK),
                Arguments.of("noatime", MS_NOATIME),
                Arguments.of("nodiratime", MS_NODIRATIME),
                Arguments.of("relatime", MS_RELATIME),
                Arguments.of("strictatime", MS_STRICTATIME),
                Arguments.of("lazytime", MS_LAZYTIME),
                Arguments.of("silent", MS_SILENT),
                Arguments.of("iversion", MS_I_VERSION),
                Arguments.of("nosymfollow", MS_NOSYMFOLLOW),
                Arguments.of("bind", MS_BIND),
                Arguments.of("rbind", MS_BIND | MS_REC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingOptions")
    void anOptionSetsItsFlagAndNothingElse(String option, long flag) {
        assertEquals(new MountOptions(flag, 0, ""), parse(option));
    }

    static Stream<Arguments> clearingOptions() {
        return Stream.of(
                Arguments.of("ro", "rw"),
                Arguments.of("nosuid", "suid"),
                Arguments.of("nodev", "dev"),
                Arguments.of("noexec", "exec"),
                Arguments.of("sync", "async"),
                Arguments.of("mand", "nomand"),
                Arguments.of("noatime", "atime"),
                Arguments.of("nodiratime", "diratime"),
                Arguments.of("relatime", "norelatime"),
                Arguments.of("strictatime", "nostrictatime"),
                Arguments.of("lazytime", "nolazytime"),
                Arguments.of("silent", "loud"),
                Arguments.of("iversion", "noiversion"));
    }

    @ParameterizedTest(name = "{1} after {0}")
    @MethodSource("clearingOptions")
    void theOppositeOptionClearsTheFlagAndKeepsTheOthers(String setting, String clearing) {
        assertEquals(new MountOptions(MS_NOSYMFOLLOW | MS_DIRSYNC, 0, ""),
                parse("nosymfollow", setting, "dirsync", clearing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clearingOptions")
    void theLastOfTwoOppositesWins(String setting, String clearing) {
        assertEquals(parse(setting), parse(clearing, setting));
        assertEquals(0, parse(setting, clearing).flags());
    }

    @Test
    void flagsAccumulateInAnyOrder() {
        assertEquals(MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RDONLY | MS_RELATIME,
                parse("nosuid", "noexec", "nodev", "relatime", "ro").flags());
        assertEquals(parse("ro", "rbind", "nosuid"), parse("nosuid", "rbind", "ro"));
    }

    @Test
    void rwAloneClearsNothingAndSetsNothing() {
        assertEquals(new MountOptions(0, 0, ""), parse("rw"));
    }

    static Stream<Arguments> propagations() {
        return Stream.of(
                Arguments.of("private", MS_PRIVATE),
                Arguments.of("rprivate", MS_PRIVATE | MS_REC),
                Arguments.of("shared", MS_SHARED),
                Arguments.of("rshared", MS_SHARED | MS_REC),
                Arguments.of("slave", MS_SLAVE),
                Arguments.of("rslave", MS_SLAVE | MS_REC),
                Arguments.of("unbindable", MS_UNBINDABLE),
                Arguments.of("runbindable", MS_UNBINDABLE | MS_REC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("propagations")
    void aPropagationIsKeptApartFromTheFlags(String option, long propagation) {
        assertEquals(new MountOptions(MS_BIND, propagation, ""), parse("bind", option));
        assertEquals(OptionalLong.of(propagation), MountOptions.propagation(option));
    }

    @Test
    void aRecursiveBindDoesNotMakeThePropagationRecursive() {
        assertEquals(new MountOptions(MS_BIND | MS_REC, MS_PRIVATE, ""), parse("rbind", "private"));
    }

    @Test
    void theLastPropagationWins() {
        assertEquals(MS_SLAVE, parse("rshared", "slave").propagation());
        assertEquals(MS_SHARED | MS_REC, parse("slave", "rshared").propagation());
    }

    @Test
    void anUnknownPropagationNameIsEmpty() {
        assertEquals(OptionalLong.empty(), MountOptions.propagation("recursive"));
        assertEquals(OptionalLong.empty(), MountOptions.propagation(""));
        assertEquals(OptionalLong.empty(), MountOptions.propagation("ro"));
    }

    @Test
    void everyOtherOptionGoesToTheDataStringInOrder() {
        assertEquals(new MountOptions(MS_NOSUID | MS_NOEXEC, 0, "newinstance,ptmxmode=0666,mode=0620,gid=5"),
                parse("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
        assertEquals("mode=755,size=65536k", parse("nosuid", "strictatime", "mode=755", "size=65536k").data());
    }

    @Test
    void aDataOptionKeepsItsCommasAndEqualsSigns() {
        assertEquals("lowerdir=/a:/b,upperdir=/u,workdir=/w", parse("lowerdir=/a:/b", "upperdir=/u", "workdir=/w").data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tmpcopyup", "defaults"})
    void optionsForOtherToolsAreDropped(String ignored) {
        assertEquals(new MountOptions(MS_NOEXEC, 0, "size=1m"), parse(ignored, "noexec", "size=1m", ignored));
    }

    @Test
    void noOptionsMeanNoFlagsNoPropagationAndNoData() {
        assertEquals(new MountOptions(0, 0, ""), MountOptions.parse(List.of()));
    }
}
