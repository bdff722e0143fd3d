package dev.victor.workflow.tools.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses web_fetch may connect to: unless private networks are allowed, only public
 * unicast addresses (not unspecified, loopback, link-local, private, multicast, unique-local,
 * shared, benchmarking, reserved, nor such an IPv4 address embedded in IPv6). The same rule as
 * the http plugin's.
 */
final class NetworkPolicy {
    /** Resolves a host (the JDK's resolver outside tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    NetworkPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    void check(String tool, String host) throws ToolException {
        String name = host == null ? "" : host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new ToolException(tool + ": the host '" + name + "' cannot be resolved");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            String why = restriction(address);
            if (why != null) {
                throw new ToolException(tool + ": refused: '" + name + "' resolves to " + address.getHostAddress()
                        + ", a " + why + " address; to allow such addresses, set"
                        + " web.allow.private.networks = true in etc/dev.victor.workflow.tools.cfg");
            }
        }
    }

    /** Why an address is not public, or {@code null} when it is. */
    static String restriction(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "\"this network\"";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "shared (100.64.0.0/10)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "special-purpose (192.0.0.0/24)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking (198.18.0.0/15)";
            }
            if (first >= 240) {
                return "reserved or broadcast";
            }
            return null;
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            int offset = -1;
            if (v6.isIPv4CompatibleAddress()) {
                offset = 12;
            } else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
                offset = 12;
            } else if (b[0] == 0x20 && b[1] == 0x02) {
                offset = 2;
            }
            if (offset >= 0) {
                byte[] v4 = new byte[4];
                System.arraycopy(b, offset, v4, 0, 4);
                try {
                    String why = restriction(InetAddress.getByAddress(v4));
                    return why == null ? null : why + " (embedded in IPv6)";
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
        }
        return null;
    }
}
