package dev.roost.hub.broker.auth;

/**
 * What a client may publish to and subscribe to. Called on the broker loop for every PUBLISH and SUBSCRIBE, so
 * implementations answer from memory and never block.
 */
public interface TopicPermissions {

    /** Everything, for a broker without users (tests, an embedded broker). */
    TopicPermissions OPEN = new TopicPermissions() {
        @Override
        public boolean mayPublish(ClientIdentity who, String topic) {
            return true;
        }

        @Override
        public boolean maySubscribe(ClientIdentity who, String filter) {
            return true;
        }
    };

    boolean mayPublish(ClientIdentity who, String topic);

    /** Whether every topic {@code filter} can match is one the client may read. */
    boolean maySubscribe(ClientIdentity who, String filter);
}
