package dev.roost.hub.broker.auth;

/** Who may connect without credentials. */
public enum AnonymousAccess {
    /** Only clients on this machine (loopback addresses): the secure default. */
    LOOPBACK,
    /** Anyone who can reach the port. */
    ANY,
    /** Nobody: every client must authenticate. */
    NONE
}
