package dev.jrun.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/** Reads a bundle's config.json into a {@link Spec}; every failure is a one-line {@link ConfigException}. */
public final class SpecLoader {

    static final String FILE = "config.json";
    static final String PROCESS_FILE = "process.json";

    private SpecLoader() {
    }

    public static Spec load(Path bundleDir) {
        if (!Files.isDirectory(bundleDir)) {
            throw new ConfigException("bundle " + bundleDir + ": no such directory");
        }
        Path file = bundleDir.resolve(FILE);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(FILE + ": no such file in bundle " + bundleDir, e);
        } catch (IOException e) {
            throw new ConfigException(FILE + ": cannot read: " + lowerFirst(String.valueOf(e.getMessage())), e);
        }
        return parse(json);
    }

    /** Binds config.json text that has already been read. */
    public static Spec parse(byte[] json) {
        return bind(json, Json.SPEC_READER, FILE, Spec.class);
    }

    /** Binds the process.json of {@code exec --process}: a runtime-spec process object. */
    public static Process parseProcess(byte[] json) {
        return bind(json, Json.PROCESS_READER, PROCESS_FILE, Process.class);
    }

    private static <T> T bind(byte[] json, ObjectReader reader, String file, Class<T> type) {
        T value;
        try {
            value = reader.readValue(json);
        } catch (JsonMappingException e) {
            throw new ConfigException(describe(e, file, type), e);
        } catch (StreamReadException e) {
            throw new ConfigException(malformed(e.getLocation(), e.getOriginalMessage(), file), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + lowerFirst(String.valueOf(e.getMessage())), e);
        }
        if (value == null) {
            throw new ConfigException(file + ": expected an object");
        }
        return value;
    }

    private static String describe(JsonMappingException e, String file, Class<?> root) {
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            return malformed(syntax.getLocation(), syntax.getOriginalMessage(), file);
        }
        String path = JsonPath.of(e.getPath());
        String reason = String.valueOf(e.getOriginalMessage());
        if (path.isEmpty()) {
            // Nothing was bound yet: the document as a whole is wrong.
            if (reason.startsWith("No content")) {
                return file + ": empty, expected a JSON object";
            }
            if (reason.startsWith("Trailing token")) {
                return malformed(e.getLocation(), "unexpected data after the top-level value", file);
            }
            if (e instanceof MismatchedInputException m && m.getTargetType() == root) {
                return file + ": expected an object";
            }
            return file + ": " + firstLine(reason);
        }
        String prefix = file + ": " + path + ": ";
        if (e instanceof InvalidNullException) {
            return prefix + "must not be null";
        }
        if (e instanceof MismatchedInputException m) {
            return prefix + "expected " + expected(m.getTargetType());
        }
        if (e.getCause() instanceof InputCoercionException c) {
            return prefix + "number out of range for " + expected(c.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return prefix + lowerFirst(String.valueOf(e.getCause().getMessage()));
        }
        return prefix + firstLine(reason);
    }

    /** A JSON syntax error that databind met while binding, and wrapped with the path it had reached. */
    private static StreamReadException syntaxError(JsonMappingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s && !(t instanceof InputCoercionException)) {
                return s;
            }
        }
        return null;
    }

    private static String malformed(JsonLocation at, String reason, String file) {
        String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
        return file + ": malformed JSON" + where + ": " + firstLine(reason);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class) {
            return "an integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Jackson's reason without the source excerpt it sometimes appends, lower-case first. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        String line = message.lines().findFirst().orElse("").strip();
        int source = line.indexOf(" (start marker at");
        if (source > 0) {
            line = line.substring(0, source);
        }
        return lowerFirst(line);
    }

    private static String lowerFirst(String s) {
        if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
            return s;
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
