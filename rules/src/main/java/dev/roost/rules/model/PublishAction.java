package dev.roost.rules.model;

/** Publishes a message; a missing payload is the empty message, qos defaults to 0 and retain to false. */
public record PublishAction(String topic, String payload, int qos, boolean retain) implements Action {

    public PublishAction {
        payload = payload == null ? "" : payload;
    }
}
