package dev.roost.rules.engine;

import java.time.Instant;
import java.util.List;

/**
 * One run of a rule, as the history keeps it to answer "why did my lights turn on at 3 am?": what triggered
 * it (and the message's topic and the start of its payload), the condition's result (null when the rule has
 * no condition or did not get that far), every action's outcome and timing, and the error that stopped it.
 */
public record RunRecord(
        String ruleId,
        Instant startedAt,
        String trigger,
        String topic,
        String payloadExcerpt,
        Boolean conditionResult,
        RunOutcome outcome,
        String error,
        List<StepRecord> steps) {

    /** Payloads are cut to this many characters, so a camera snapshot does not fill the history. */
    public static final int PAYLOAD_EXCERPT_LENGTH = 200;

    public RunRecord {
        steps = List.copyOf(steps);
    }

    /** The start of a payload, as kept in the history. */
    public static String excerpt(String payload) {
        if (payload == null || payload.length() <= PAYLOAD_EXCERPT_LENGTH) {
            return payload;
        }
        return payload.substring(0, PAYLOAD_EXCERPT_LENGTH - 1) + "…";
    }
}
