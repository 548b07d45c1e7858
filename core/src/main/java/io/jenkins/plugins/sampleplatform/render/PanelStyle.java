package io.jenkins.plugins.sampleplatform.render;

/**
 * The panel's style sheet, scoped to {@code .sp-panel}. Colours come from Jenkins' theme variables
 * ({@code --success-color}, {@code --text-color-secondary}, …), so the light and dark themes both apply,
 * with fallbacks for pages without them; text keeps the page's colour. The bar's patterns use
 * {@code currentColor}, so they stay visible on either background. Holds no {@code <} or {@code &},
 * so the fragment stays well-formed XML.
 */
final class PanelStyle {

    private PanelStyle() {}

    static final String CSS = """
            .sp-panel{border:1px solid var(--card-border-color,rgba(127,127,127,.35));border-radius:.5rem;\
            padding:.75rem 1rem;margin:.5rem 0;max-width:42rem;line-height:1.4}
            .sp-panel__title{margin:0 0 .5rem;font-size:1.1rem;font-weight:600}
            .sp-panel__status,.sp-panel__note{font-weight:400;color:var(--text-color-secondary,inherit)}
            .sp-panel__note{font-size:.875em}
            .sp-badge{display:inline-block;padding:.1rem .5rem;border:1px solid;border-left-width:.4rem;\
            border-radius:.25rem;font-weight:700;letter-spacing:.02em}
            .sp-badge--success{border-color:var(--success-color,#1ea64b)}
            .sp-badge--unstable{border-color:var(--warning-color,#fe820a)}
            .sp-badge--failure{border-color:var(--error-color,#e6001f)}
            .sp-badge--not_built,.sp-badge--aborted{border-color:var(--medium-grey,#9ba7af)}
            .sp-bar{display:block;width:100%;height:1.25rem;margin:.75rem 0 .5rem}
            .sp-fill-passed{fill:var(--success-color,#1ea64b)}
            .sp-fill-failed{fill:var(--warning-color,#fe820a)}
            .sp-fill-no-output{fill:var(--error-color,#e6001f)}
            .sp-fill-skipped{fill:var(--medium-grey,#9ba7af)}
            .sp-ink{stroke:currentColor;stroke-opacity:.6;fill:currentColor;fill-opacity:.6}
            .sp-panel__counts{border-collapse:collapse;margin:.25rem 0 .5rem;font-variant-numeric:tabular-nums}
            .sp-panel__counts th,.sp-panel__counts td{padding:.15rem 1rem .15rem 0;text-align:left;font-weight:400}
            .sp-panel__counts thead th{font-weight:600;border-bottom:1px solid var(--card-border-color,rgba(127,127,127,.35))}
            .sp-panel__counts td{text-align:right}
            .sp-swatch{vertical-align:-.1em;margin-right:.4rem}
            .sp-panel__reasons{margin:.25rem 0 .5rem;padding-left:1.25rem}
            .sp-panel p{margin:.25rem 0}
            .sp-panel a{color:var(--link-color,inherit);text-decoration:underline}
            .sp-failures{margin:.75rem 0 .5rem}
            .sp-failures__title{margin:0 0 .25rem;font-size:1rem;font-weight:600}
            .sp-failures__scroll{overflow-x:auto;max-height:32rem;overflow-y:auto}
            .sp-failures__table{border-collapse:collapse;font-size:.875em;font-variant-numeric:tabular-nums}
            .sp-failures__table th,.sp-failures__table td{padding:.2rem .75rem .2rem .4rem;text-align:left;\
            vertical-align:top;font-weight:400;overflow-wrap:break-word}
            .sp-failures__table thead th{font-weight:600;border-bottom:1px solid var(--card-border-color,rgba(127,127,127,.35))}
            .sp-failure td:first-child{border-left:.3rem solid;white-space:nowrap}
            .sp-failure--missing-output td:first-child{border-left-style:solid;border-left-color:var(--error-color,#e6001f)}
            .sp-failure--fail td:first-child{border-left-style:dashed;border-left-color:var(--warning-color,#fe820a)}
            .sp-failure__status{font-weight:600}
            .sp-failure__rc{white-space:nowrap}
            .sp-failures__more,.sp-failures__unavailable{margin:.25rem 0}
            """;
}
