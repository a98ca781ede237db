package dev.roost.rules.action;

/**
 * What actions can do to the world: the engine's implementation publishes to the bus, stores variables and
 * logs; a dry run's implementation only writes down what would have happened.
 */
public interface ActionEffects {

    void publish(String topic, String payload, int qos, boolean retain);

    void setVariable(String name, Object value);

    void log(String message);
}
