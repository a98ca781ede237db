package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the web UI and HTTP API listen. */
public record HttpSettings(String host, int port) {

    @JsonCreator
    public HttpSettings(@JsonProperty("host") String host, @JsonProperty("port") Integer port) {
        this(host != null ? host : "0.0.0.0", Ranges.port("http.port", port, 8080));
    }

    public static HttpSettings defaults() {
        return new HttpSettings(null, null);
    }
}
