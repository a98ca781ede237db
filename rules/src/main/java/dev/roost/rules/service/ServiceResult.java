package dev.roost.rules.service;

import dev.roost.rules.model.RuleError;
import java.util.List;

/**
 * The answer of a {@link RuleService} call as a value a web layer maps to a response: the result, the
 * validation errors (field, position, reason) of a rejected document, or the id of a rule that does not exist.
 */
public sealed interface ServiceResult<T> {

    /** The call did what was asked. */
    record Ok<T>(T value) implements ServiceResult<T> {
    }

    /** The document or request was refused; nothing was changed. */
    record Invalid<T>(List<RuleError> errors) implements ServiceResult<T> {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** No rule has this id. */
    record NotFound<T>(String id) implements ServiceResult<T> {
    }

    static <T> ServiceResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> ServiceResult<T> invalid(List<RuleError> errors) {
        return new Invalid<>(errors);
    }

    static <T> ServiceResult<T> notFound(String id) {
        return new NotFound<>(id);
    }
}
