package dev.roost.web.settings;

/**
 * The hub's location as the settings screen shows it, and where it comes from: {@code settings} (saved on the
 * settings screen), {@code config} (the config file's {@code location:}) or {@code default} (nothing set, so
 * Greenwich stands in).
 */
public record LocationView(double latitude, double longitude, String timeZone, String source) {
}
