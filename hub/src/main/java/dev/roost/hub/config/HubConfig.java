package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The hub's YAML configuration. Every key is optional; a missing section takes the defaults.
 *
 * @param mqtt the broker's listeners and limits
 * @param http the web UI's listener
 */
public record HubConfig(MqttSettings mqtt, HttpSettings http) {

    @JsonCreator
    public HubConfig(@JsonProperty("mqtt") MqttSettings mqtt, @JsonProperty("http") HttpSettings http) {
        this.mqtt = mqtt != null ? mqtt : MqttSettings.defaults();
        this.http = http != null ? http : HttpSettings.defaults();
    }

    public static HubConfig defaults() {
        return new HubConfig(null, null);
    }
}
