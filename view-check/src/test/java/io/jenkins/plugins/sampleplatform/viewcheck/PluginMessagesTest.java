package io.jenkins.plugins.sampleplatform.viewcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin's messages, formatted the way Jenkins' localizer does ({@link MessageFormat} in the
 * user's locale): numbers never get grouping separators ("run 12,345"), in any locale.
 */
class PluginMessagesTest {

    private static final Path MESSAGES = Path.of(
            "..",
            "plugin",
            "src",
            "main",
            "resources",
            "io",
            "jenkins",
            "plugins",
            "sampleplatform",
            "Messages.properties");

    /** Words after which a placeholder is a number (a run id or a count). */
    private static final Pattern NUMBER_CONTEXT =
            Pattern.compile("(?i)\\b(run|has)\\s+\\{(\\d+)}|\\{(\\d+)}\\s+(samples?|items?|builds?)\\b");

    @Test
    void numbersAreFormattedWithoutGroupingInEveryLocale() throws IOException {
        Properties messages = load();
        assertThat(messages).isNotEmpty();
        int numberPlaceholders = 0;
        for (String key : messages.stringPropertyNames()) {
            String pattern = messages.getProperty(key);
            for (Locale locale :
                    List.of(Locale.ROOT, Locale.US, Locale.GERMANY, Locale.FRANCE, new Locale("hi", "IN"))) {
                MessageFormat format = new MessageFormat(pattern, locale);
                Format[] formats = format.getFormatsByArgumentIndex();
                Object[] arguments = new Object[formats.length];
                for (int i = 0; i < formats.length; i++) {
                    arguments[i] = formats[i] instanceof NumberFormat ? (Object) 1234567 : "x";
                }
                String text = format.format(arguments);
                for (Format f : formats) {
                    if (f instanceof NumberFormat) {
                        numberPlaceholders++;
                        assertThat(text).as("%s in %s", key, locale).contains("1234567");
                    }
                }
            }
            Matcher plain = NUMBER_CONTEXT.matcher(pattern);
            assertThat(plain.find())
                    .as("%s: a number in a plain {n} placeholder is grouped (\"run 12,345\"); write {n,number,#}", key)
                    .isFalse();
        }
        assertThat(numberPlaceholders).as("number placeholders checked").isGreaterThan(5);
    }

    @Test
    void theCheckCatchesAGroupedNumber() {
        assertThat(NUMBER_CONTEXT
                        .matcher("Fetching the summary of run {0} from {1}")
                        .find())
                .isTrue();
        assertThat(NUMBER_CONTEXT
                        .matcher("Connected: run {0,number,#} has {1} samples.")
                        .find())
                .isTrue();
        assertThat(new MessageFormat("run {0,number}", Locale.US).format(new Object[] {12345}))
                .isEqualTo("run 12,345");
        assertThat(new MessageFormat("run {0,number,#}", Locale.US).format(new Object[] {12345}))
                .isEqualTo("run 12345");
    }

    private static Properties load() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(MESSAGES, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties;
    }
}
