package dev.roost.web.auth;

/** A person who may use the web UI; one who still has the initial password must choose a new one first. */
public record Account(String name, boolean admin, boolean mustChangePassword) {
}
