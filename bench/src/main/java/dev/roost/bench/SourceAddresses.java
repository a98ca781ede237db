package dev.roost.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Local addresses to spread many connections over. Each (source address, broker address) pair only has one
 * ephemeral port range (about 28,000 ports by default on Linux), so past that the tool must use more of
 * 127.0.0.0/8, which Linux answers on without any configuration.
 */
final class SourceAddresses {
    private static final int DEFAULT_EPHEMERAL_PORTS = 28_232;
    private static final int MAX_LOOPBACK_SOURCES = 254;

    private SourceAddresses() {
    }

    /** How many source addresses {@code connections} need, keeping a fifth of each range free for other sockets. */
    static int needed(int connections) {
        int usable = ephemeralPorts() * 4 / 5;
        return Math.max(1, (connections + usable - 1) / usable);
    }

    /**
     * An empty list means "let the kernel choose", which is best for a single address: connect() then picks ports
     * per destination and never collides with this machine's other sockets.
     */
    static List<InetAddress> loopback(int count) {
        if (count > MAX_LOOPBACK_SOURCES) {
            throw new UsageException("--source-addresses must be at most " + MAX_LOOPBACK_SOURCES + ", got " + count);
        }
        List<InetAddress> out = new ArrayList<>();
        if (count <= 1) {
            return out;
        }
        for (int i = 1; i <= count; i++) {
            try {
                out.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a 4-byte address is always valid", e);
            }
        }
        return out;
    }

    static int ephemeralPorts() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_PORTS;
        }
    }
}
