package dev.victor.workflow.http.internal;

import dev.victor.workflow.api.WorkflowException;
import dev.victor.workflow.api.WorkflowSourceUnavailableException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where the source may connect: the host allow-list (glob patterns) and, unless private networks
 * are allowed, no address that is loopback, private, link-local, unique-local, multicast or
 * otherwise not a public unicast address. Checked on every hop, on the addresses the host
 * resolves to now.
 */
final class NetworkPolicy {

    /** Resolves a host name to its addresses (the JDK's resolver outside tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> patterns;
    private final List<Pattern> compiled;
    private final boolean allowPrivateNetworks;
    private final Resolver resolver;
    private final Function<InetAddress, String> classifier;

    NetworkPolicy(List<String> allowedHosts, boolean allowPrivateNetworks) {
        this(allowedHosts, allowPrivateNetworks, InetAddress::getAllByName, NetworkPolicy::restriction);
    }

    /**
     * @param classifier names why an address is refused ({@code null} for a public address); tests
     *                   replace it to tell two loopback addresses apart
     */
    NetworkPolicy(List<String> allowedHosts, boolean allowPrivateNetworks, Resolver resolver,
                  Function<InetAddress, String> classifier) {
        this.patterns = List.copyOf(allowedHosts);
        this.compiled = new ArrayList<>();
        for (String pattern : allowedHosts) {
            compiled.add(glob(normalizeHost(pattern)));
        }
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
        this.classifier = classifier;
    }

    /**
     * Checks one hop's URL and returns the addresses its host resolves to.
     *
     * @param display the URL as it may be shown (without secrets)
     * @throws WorkflowException                  when the host is not allowed or resolves to a refused address
     * @throws WorkflowSourceUnavailableException when the host cannot be resolved
     */
    InetAddress[] check(URI uri, String display) {
        String host = normalizeHost(uri.getHost());
        if (!hostAllowed(host)) {
            throw new WorkflowException("Refused to fetch " + display + ": the host '" + host + "' is not in the"
                    + " allow-list (allowed_hosts = " + (patterns.isEmpty() ? "(empty: no host)" : patterns) + ")");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WorkflowSourceUnavailableException(display, "Cannot fetch " + display + ": the host '" + host
                    + "' cannot be resolved", e);
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                String why = classifier.apply(address);
                if (why != null) {
                    throw new WorkflowException("Refused to fetch " + display + ": '" + host + "' resolves to "
                            + address.getHostAddress() + ", a " + why + " address; to allow such addresses, set"
                            + " allow.private.networks = true in etc/" + HttpSourceConfig.PID + ".cfg (or the plugin"
                            + " option allow_private_networks: true)");
                }
            }
        }
        return addresses;
    }

    /** True when the (normalized) host matches one of the allow-list's patterns. */
    boolean hostAllowed(String host) {
        for (Pattern pattern : compiled) {
            if (pattern.matcher(host).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without IPv6 brackets and without a final dot. */
    static String normalizeHost(String host) {
        String result = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (result.startsWith("[") && result.endsWith("]")) {
            result = result.substring(1, result.length() - 1);
        }
        while (result.endsWith(".") && result.length() > 1) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** {@code *} matches any run of characters (dots too), {@code ?} one character; nothing else is special. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /**
     * Why an address is not a public unicast address, or {@code null} when it is one. Covers
     * unspecified, loopback, link-local, site-local (10/8, 172.16/12, 192.168/16, fec0::/10),
     * multicast, unique-local IPv6 (fc00::/7), 0/8, shared address space (100.64/10), the IPv4
     * special-purpose blocks 192.0.0/24, 198.18/15 and 240/4 (with broadcast), and IPv4 addresses
     * embedded in IPv6 (compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
     */
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
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return restrictionV4(bytes);
        }
        if (address instanceof Inet6Address v6) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (v6.isIPv4CompatibleAddress()) {
                return embedded(bytes, 12);
            }
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                    && allZero(bytes, 4, 12)) {
                return embedded(bytes, 12);
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                return embedded(bytes, 2);
            }
        }
        return null;
    }

    private static String embedded(byte[] bytes, int offset) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, offset, v4, 0, 4);
        try {
            String why = restriction(InetAddress.getByAddress(v4));
            return why == null ? null : why + " (embedded in IPv6)";
        } catch (UnknownHostException e) {
            return "malformed";
        }
    }

    private static String restrictionV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "\"this network\" (0.0.0.0/8)";
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
            return "reserved or broadcast (240.0.0.0/4)";
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
