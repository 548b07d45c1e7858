package io.jenkins.plugins.sampleplatform.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code 30}, {@code 30s}, {@code 2m} or {@code 1h} as a positive duration. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.matches("-\\d{1,9}[smh]?")) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is negative: a time must be longer than 0 (seconds, or 30s, 2m, 1h)");
        }
        if (!text.matches("\\d{1,9}[smh]?")) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: use seconds, or 30s, 2m, 1h");
        }
        char last = text.charAt(text.length() - 1);
        long amount = Long.parseLong(Character.isDigit(last) ? text : text.substring(0, text.length() - 1));
        Duration duration =
                switch (last) {
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofSeconds(amount);
                };
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be longer than 0");
        }
        return duration;
    }
}
