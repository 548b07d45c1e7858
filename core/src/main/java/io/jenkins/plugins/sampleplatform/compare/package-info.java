/**
 * Comparing one run with reference runs, as the platform's pull-request comment does
 * ({@code mod_ci/comparison.py}): a {@link io.jenkins.plugins.sampleplatform.compare.TestState} per
 * regression test, a {@link io.jenkins.plugins.sampleplatform.compare.TestVerdict} per test against each
 * reference, and the {@link io.jenkins.plugins.sampleplatform.compare.ComparisonReport} the renderers and the
 * verdict policy read. Plain values, no I/O: the states come from a
 * {@link io.jenkins.plugins.sampleplatform.compare.RunStateSource} (the database or the REST API) and the
 * reference runs from a {@link io.jenkins.plugins.sampleplatform.compare.ReferenceResolver}.
 */
package io.jenkins.plugins.sampleplatform.compare;
