package dev.roost.hub.config;

/** A config value outside its allowed range; carries the dotted key so the loader can find its line. */
final class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    InvalidSettingException(String key, String reason) {
        super(reason);
        this.key = key;
    }

    String key() {
        return key;
    }
}
