package dev.kimigayo.isn.core.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One {@code NO_PROXY} entry: {@code *} (everything), a domain ({@code example.com},
 * {@code .example.com} or {@code *.example.com}: the domain and all its subdomains), an IP
 * address, or a CIDR block ({@code 10.0.0.0/8}), optionally with {@code :port}.
 *
 * @param pattern  the domain or address in lower case, without port, dots or brackets
 * @param prefix   CIDR prefix length, or -1 when the entry is not a block
 * @param port     the only port it applies to, or -1 for every port
 */
public record NoProxyRule(String pattern, int prefix, int port) {

    /** Parses one entry (already split from the list and trimmed). */
    static NoProxyRule parse(String entry) throws ProxyConfigException {
        String e = entry.toLowerCase(Locale.ROOT);
        if ("*".equals(e)) {
            return new NoProxyRule("*", -1, -1);
        }
        int port = -1;
        int colon = e.lastIndexOf(':');
        boolean bracketed = e.startsWith("[");
        if (colon > 0 && (bracketed ? e.indexOf(']') < colon : e.indexOf(':') == colon)) {
            try {
                port = Integer.parseInt(e.substring(colon + 1));
            } catch (NumberFormatException ex) {
                throw new ProxyConfigException("no_proxy", entry, "the port is not a number");
            }
            e = e.substring(0, colon);
        }
        int prefix = -1;
        int slash = e.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException ex) {
                throw new ProxyConfigException("no_proxy", entry, "the CIDR prefix is not a number");
            }
            e = e.substring(0, slash);
            if (!isIpLiteral(bareHost(e))) {
                throw new ProxyConfigException("no_proxy", entry, "a CIDR block needs an IP address");
            }
        }
        e = bareHost(e);
        while (e.startsWith("*.") || e.startsWith(".")) {
            e = e.substring(e.charAt(0) == '*' ? 2 : 1);
        }
        return new NoProxyRule(e, prefix, port);
    }

    /** Whether a request to {@code host} (lower case, no brackets) on {@code port} bypasses the proxy. */
    boolean matches(String host, int targetPort) {
        if ("*".equals(pattern)) {
            return true;
        }
        if (port != -1 && port != targetPort) {
            return false;
        }
        if (prefix >= 0) {
            return isIpLiteral(host) && inBlock(host);
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(pattern) || (!isIpLiteral(pattern) && h.endsWith("." + pattern));
    }

    /** Whether {@code host} is localhost, a {@code .localhost} name or a loopback address. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        return isIpLiteral(h) && literal(h).isLoopbackAddress();
    }

    /** {@code host} without IPv6 brackets, in lower case. */
    static String bareHost(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.toLowerCase(Locale.ROOT);
    }

    private boolean inBlock(String host) {
        byte[] a = literal(host).getAddress();
        byte[] b = literal(pattern).getAddress();
        if (a.length != b.length || prefix > a.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String h) {
        if (h.contains(":")) {
            return h.matches("[0-9a-f:.]+");
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String h) {
        try {
            // A literal address: getByName parses it without any DNS lookup.
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + h, e);
        }
    }
}
