package dev.liaison.palettes.routing;

import dev.liaison.palettes.routing.expression.TargetExpression;
import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/expressions")
@Tag(name = "Expressions", description = "Check and try target expressions")
class ExpressionController {

    /**
     * @param expression the expression to check
     * @param agent optional agent attributes to try it on
     * @param task optional task attributes to try it on
     */
    record Check(@NotNull String expression, Map<String, Object> agent, Map<String, Object> task) {}

    record Result(String canonical, Boolean matches, String explanation) {}

    @PreAuthorize(Access.DESIGN)
    @PostMapping("/check")
    @Operation(summary = "Parse an expression (a 400 problem points at the column of an error) and optionally try it")
    Result check(@Valid @RequestBody Check check) {
        TargetExpression expression = TargetExpression.parse(check.expression());
        if (check.agent() == null && check.task() == null) {
            return new Result(expression.canonical(), null, null);
        }
        Map<String, Object> agent = check.agent() == null ? Map.of() : check.agent();
        Map<String, Object> task = check.task() == null ? Map.of() : check.task();
        var explanation = expression.explain(agent, task);
        return new Result(expression.canonical(), explanation.matched(), explanation.summary());
    }
}
