package io.jenkins.plugins.sampleplatform.contract;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension of every contract test class ({@code @ExtendWith(RealPlatform.class)}): skips the
 * class, printing why, where no platform snapshot is named ({@code SAMPLE_PLATFORM_SRC}, as in CI), and
 * gives test methods and lifecycle methods a {@link Platforms} parameter, shared by the whole run.
 */
public final class RealPlatform implements ExecutionCondition, ParameterResolver {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> reason = ContractSettings.skipReason();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("platform snapshot at $" + ContractSettings.SNAPSHOT_VARIABLE);
        }
        if (TOLD.compareAndSet(false, true)) {
            // Maven's summary only counts skips; say once, where everyone reads it, why.
            System.out.println("[contract] " + reason.get());
        }
        return ConditionEvaluationResult.disabled(reason.get());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platforms.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(RealPlatform.class))
                .computeIfAbsent(Platforms.class, key -> new Platforms(), Platforms.class);
    }
}
