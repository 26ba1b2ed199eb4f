package io.serverprofiles.autoconfigure.mode;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Backs {@link ConditionalOnServerMode} with the published {@link ServerModeDecision};
 * the report says which mode was decided and why.
 */
class OnServerModeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ServerMode.Mode required = metadata.getAnnotations()
			.get(ConditionalOnServerMode.class)
			.getEnum("value", ServerMode.Mode.class);
		ServerMode actual = ServerModeDecision.of(context.getEnvironment());
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnServerMode.class, required);
		String found = "server mode " + actual;
		return (actual.getMode() == required) ? ConditionOutcome.match(message.because(found))
				: ConditionOutcome.noMatch(message.because(found));
	}

}
