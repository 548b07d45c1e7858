package io.jenkins.plugins.sampleplatform.cli;

import java.util.Locale;
import picocli.CommandLine;

/** {@code --format}: the format names as users type them ({@code html-page}), in any case. */
final class FormatConverter implements CommandLine.ITypeConverter<SummaryCommand.Format> {

    @Override
    public SummaryCommand.Format convert(String value) {
        String name = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        try {
            return SummaryCommand.Format.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a format: use text, json, html, html-page or markdown");
        }
    }
}
