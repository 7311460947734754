package dev.podcheck.cli;

import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Manifest;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One input a verb reads: a file, or standard input ({@code -}, as kubectl's {@code -f -}), read once.
 *
 * @param file the file; null for standard input
 * @param text standard input's text; null for a file
 */
record Input(Path file, String text) {
    /** How errors name standard input, as kubectl does. */
    static final String STDIN = "STDIN";

    static Input of(Path file) {
        return new Input(file, null);
    }

    /** Reads standard input to its end: at most the apiserver's request limit, UTF-8. */
    static Input stdin(InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) ScenarioReader.MAX_BYTES + 1);
            return new Input(null, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw InputException.of(STDIN, "not valid YAML: the input is not UTF-8 text");
        } catch (IOException e) {
            throw InputException.of(STDIN, "cannot read standard input: " + e.getMessage());
        }
    }

    boolean isStdin() {
        return file == null;
    }

    /** How messages name it. */
    String source() {
        return isStdin() ? STDIN : file.toString();
    }

    List<Manifest> manifests() {
        return isStdin() ? ScenarioReader.readManifests(STDIN, text) : ScenarioReader.readManifests(file);
    }
}
