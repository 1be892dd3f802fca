package dev.liaison.routes.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured, that is when {@code spring.datasource.url} is empty. */
final class NoExternalDatabaseCondition implements Condition {

    static final String URL_PROPERTY = "spring.datasource.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
    }
}
