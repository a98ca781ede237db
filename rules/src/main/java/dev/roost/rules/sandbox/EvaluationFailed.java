package dev.roost.rules.sandbox;

/** One evaluation of a compiled expression threw, took longer than its limit, or gave a result of the wrong type. */
public final class EvaluationFailed extends Exception {

    private static final long serialVersionUID = 1L;

    public EvaluationFailed(String message) {
        super(message);
    }

    public EvaluationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
