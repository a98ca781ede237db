package dev.roost.bench;

/**
 * A scenario could not get far enough to measure anything meaningful (for example no subscriber could connect);
 * it still carries a partial result so the caller can print what was seen.
 */
final class ScenarioAbortedException extends RuntimeException {
    private final transient Result partial;

    ScenarioAbortedException(String reason, Result partial) {
        super(reason);
        this.partial = partial;
    }

    Result partial() {
        return partial;
    }
}
