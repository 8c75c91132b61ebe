package org.arflow.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rule folder and the limits of rule evaluation.
 *
 * @param path the folder of {@code .drl} files and {@code .csv} data tables, relative to the working directory
 * @param watch whether a change in the folder reloads the rules without a call to {@code POST /api/rules/reload}
 * @param maxFiringsPerEvaluation the rule firings after which one evaluation counts as a loop and fails
 */
@ConfigurationProperties("arflow.rules")
public record RulesProperties(
        @DefaultValue("rules") Path path,
        @DefaultValue("false") boolean watch,
        @DefaultValue("10000") int maxFiringsPerEvaluation) {
}
