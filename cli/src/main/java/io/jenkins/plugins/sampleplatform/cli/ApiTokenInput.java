package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.security.ApiTokens;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the API token from {@code --token-file} or the environment, strictly ({@link ApiTokens#read}):
 * a usage error (exit 2) names the file or the variable and what is wrong, never the value. The raw text
 * is handed to the scrubber first, so that not even a piece of it can reach standard error.
 */
final class ApiTokenInput {

    private ApiTokenInput() {}

    static SecretText read(Path file, String variable) throws UsageException {
        String raw;
        String origin;
        if (file != null) {
            origin = "the file " + file + " (--token-file)";
            try {
                raw = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new UsageException("The API token in " + origin
                        + " is not UTF-8 text; a token is one line of visible ASCII characters.");
            } catch (IOException e) {
                throw new UsageException(FileProblems.cannotRead("--token-file", file, e));
            }
        } else {
            origin = "the environment variable " + variable;
            raw = System.getenv(variable);
            if (raw == null) {
                throw new UsageException(
                        "No API token: put it in a file given with --token-file, or in the environment variable "
                                + variable + " (or use --demo, or --jdbc for DB mode).");
            }
        }
        CliSecrets.rememberRaw(raw);
        try {
            return CliSecrets.remember(ApiTokens.read(raw, origin));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
