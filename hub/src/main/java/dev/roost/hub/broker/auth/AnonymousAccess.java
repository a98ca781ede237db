package dev.roost.hub.broker.auth;

import java.net.InetAddress;

/** Who may connect without credentials. */
public enum AnonymousAccess {
    /** Only clients on this machine (loopback addresses): the secure default. */
    LOOPBACK,
    /** Anyone who can reach the port. */
    ANY,
    /** Nobody: every client must authenticate. */
    NONE;

    /** @param source null for an in-process client, which is on this machine */
    public boolean allows(InetAddress source) {
        return switch (this) {
            case ANY -> true;
            case LOOPBACK -> source == null || source.isLoopbackAddress();
            case NONE -> false;
        };
    }
}
