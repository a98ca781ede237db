package dev.roost.hub;

/** The hub's version, from the jar manifest (the build writes it there). */
public final class Version {

    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
