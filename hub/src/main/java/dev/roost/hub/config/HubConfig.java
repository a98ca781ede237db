package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The hub's YAML configuration. Every key is optional; a missing section takes the defaults.
 *
 * @param mqtt    the broker's listeners and limits
 * @param http    the web UI's listener
 * @param devices  the devices wired to the Pi and how they appear on MQTT
 * @param location where the hub is, for sun triggers, and its time zone
 * @param jwt      JSON Web Tokens accepted as MQTT passwords
 * @param history  how long the values of state topics are kept for charts
 */
public record HubConfig(MqttSettings mqtt, HttpSettings http, DevicesSettings devices, LocationSettings location,
                        JwtSettings jwt, HistorySettings history) {

    @JsonCreator
    public HubConfig(@JsonProperty("mqtt") MqttSettings mqtt, @JsonProperty("http") HttpSettings http,
                     @JsonProperty("devices") DevicesSettings devices,
                     @JsonProperty("location") LocationSettings location, @JsonProperty("jwt") JwtSettings jwt,
                     @JsonProperty("history") HistorySettings history) {
        this.mqtt = mqtt != null ? mqtt : MqttSettings.defaults();
        this.http = http != null ? http : HttpSettings.defaults();
        this.devices = devices != null ? devices : DevicesSettings.defaults();
        this.location = location != null ? location : LocationSettings.defaults();
        this.jwt = jwt != null ? jwt : JwtSettings.disabled();
        this.history = history != null ? history : HistorySettings.defaults();
    }

    public static HubConfig defaults() {
        return new HubConfig(null, null, null, null, null, null);
    }
}
