package dev.roost.rules.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.rules.engine.StepOutcome;
import dev.roost.rules.engine.StepRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a run's steps as one JSON column and reads them back, since steps are only ever read with their run. */
final class StepsJson {

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper();

    String write(List<StepRecord> steps) {
        List<Map<String, Object>> rows = steps.stream().map(StepsJson::row).toList();
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of text and numbers always serialise", e);
        }
    }

    List<StepRecord> read(String text) throws JsonProcessingException {
        return json.readValue(text, ROWS).stream().map(StepsJson::step).toList();
    }

    private static Map<String, Object> row(StepRecord step) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("index", step.index());
        row.put("action", step.action());
        row.put("outcome", step.outcome().name());
        row.put("detail", step.detail());
        row.put("startedAt", step.startedAt().toString());
        row.put("durationMicros", step.durationMicros());
        return row;
    }

    private static StepRecord step(Map<String, Object> row) {
        return new StepRecord(
                ((Number) row.get("index")).intValue(),
                (String) row.get("action"),
                StepOutcome.valueOf((String) row.get("outcome")),
                (String) row.get("detail"),
                Instant.parse((String) row.get("startedAt")),
                ((Number) row.get("durationMicros")).longValue());
    }
}
