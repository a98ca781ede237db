package dev.roost.devices.discovered.template;

/** A template that cannot be used or failed to render; the message says why in plain words. */
public final class TemplateException extends Exception {

    public TemplateException(String message) {
        super(message, null, false, false);
    }
}
