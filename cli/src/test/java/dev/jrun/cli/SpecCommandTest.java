package dev.jrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.spec.IdRange;
import dev.jrun.spec.ProcMount;
import dev.jrun.spec.SpecTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class SpecCommandTest {

    @TempDir
    Path bundle;

    private final CliStreams streams = new CliStreams();

    @Test
    void writesTheTemplateIntoTheBundle() throws IOException {
        assertEquals(0, streams.run("spec", "--bundle", bundle.toString()));
        assertEquals(SpecTemplate.render(SpecTemplate.Options.defaults()), Files.readString(bundle.resolve("config.json")));
        assertEquals("", streams.out());
        assertEquals("", streams.err());
    }

    @Test
    void refusesToOverwriteAnExistingConfig() throws IOException {
        Files.writeString(bundle.resolve("config.json"), "mine");
        assertEquals(1, streams.run("spec", "-b", bundle.toString()));
        assertEquals("mine", Files.readString(bundle.resolve("config.json")));
        assertTrue(streams.err().endsWith(" level=error msg=\"file " + bundle.resolve("config.json")
                + " exists, remove it first\"\n"), streams.err());
    }

    @Test
    void passesTheSecurityOptionsToTheTemplate() {
        SpecCommand spec = CommandLine.populateCommand(new SpecCommand(), "--no-new-privileges",
                "--userns", "100000:65536", "--proc-mount", "unmasked", "--user", "1000:100",
                "--cap-add", "CAP_NET_ADMIN", "--cap-drop", "CAP_MKNOD", "--read-only");
        assertEquals(new SpecTemplate.Options(false, true, Optional.of(IdRange.parse("100000:65536")),
                ProcMount.UNMASKED, OptionalInt.of(1000), OptionalInt.of(100), List.of("CAP_NET_ADMIN"),
                List.of("CAP_MKNOD"), true), spec.templateOptions());
        SpecCommand relaxed = CommandLine.populateCommand(new SpecCommand(), "--rootless", "--read-only=false",
                "--no-new-privileges=false");
        assertEquals(new SpecTemplate.Options(true, false, Optional.empty(), ProcMount.DEFAULT, OptionalInt.empty(),
                OptionalInt.empty(), List.of(), List.of(), false), relaxed.templateOptions());
    }

    @Test
    void defaultsAreTheTemplateDefaults() {
        assertEquals(SpecTemplate.Options.defaults(), CommandLine.populateCommand(new SpecCommand()).templateOptions());
    }

    @Test
    void userWithoutGroup() {
        SpecTemplate.Options options = CommandLine.populateCommand(new SpecCommand(), "--user", "0").templateOptions();
        assertEquals(OptionalInt.of(0), options.uid());
        assertFalse(options.gid().isPresent());
    }

    @Test
    void rejectsMalformedUsers() {
        for (String user : List.of("root", "1:x", "-1", "1:", ":1")) {
            SpecCommand spec = CommandLine.populateCommand(new SpecCommand(), "--user", user);
            assertEquals("invalid --user value \"" + user + "\": expected UID[:GID]",
                    assertThrows(ParameterException.class, spec::templateOptions).getMessage());
        }
    }

    @Test
    void rejectsAnUnknownProcMount() {
        assertEquals(1, streams.run("spec", "-b", bundle.toString(), "--proc-mount", "Partial"));
        assertTrue(streams.err().contains("level=error msg=\"unknown proc mount type"), streams.err());
        assertFalse(Files.exists(bundle.resolve("config.json")));
    }

    @Test
    void rootlessTemplateMapsTheCaller() throws IOException {
        assertEquals(0, streams.run("spec", "--rootless", "-b", bundle.toString()));
        String config = Files.readString(bundle.resolve("config.json"));
        long uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assertTrue(config.contains("\"hostID\": " + uid), config);
    }

    @Test
    void templateProblemsFailTheCommand() {
        assertEquals(1, streams.run("spec", "-b", bundle.toString(), "--userns", "not-a-range"));
        assertFalse(Files.exists(bundle.resolve("config.json")));
        assertTrue(streams.err().contains("level=error msg="), streams.err());
    }
}
