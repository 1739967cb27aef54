package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which HTTP proxy serves which URL, built from {@code HTTP_PROXY}/{@code HTTPS_PROXY}/
 * {@code NO_PROXY} by {@link #fromEnvironment} (the CLI passes {@code System.getenv()}; the core
 * never reads the environment itself). Loopback hosts are always reached directly.
 */
public record ProxySettings(InetSocketAddress httpProxy, InetSocketAddress httpsProxy, List<NoProxyRule> noProxy) {

    /** Every URL reached directly. */
    public static final ProxySettings NONE = new ProxySettings(null, null, List.of());

    /** Copies the rule list. */
    public ProxySettings {
        noProxy = List.copyOf(noProxy);
    }

    /**
     * Reads {@code http_proxy}, {@code https_proxy} and {@code no_proxy}, each in lower or upper
     * case (lower case wins when both are set, as in curl); empty values count as unset.
     */
    public static ProxySettings fromEnvironment(Map<String, String> env) throws ProxyConfigException {
        String http = variable(env, "http_proxy");
        String https = variable(env, "https_proxy");
        String no = variable(env, "no_proxy");
        List<NoProxyRule> rules = new ArrayList<>();
        if (no != null) {
            for (String entry : no.split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    rules.add(NoProxyRule.parse(entry));
                }
            }
        }
        return new ProxySettings(parseProxy("http_proxy", http), parseProxy("https_proxy", https), rules);
    }

    /** The proxy to use for {@code target}, or empty to connect directly. */
    public Optional<InetSocketAddress> proxyFor(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        InetSocketAddress proxy = "https".equals(scheme) ? httpsProxy : "http".equals(scheme) ? httpProxy : null;
        if (proxy == null || target.getHost() == null) {
            return Optional.empty();
        }
        String host = NoProxyRule.bareHost(target.getHost());
        int port = target.getPort() != -1 ? target.getPort() : "https".equals(scheme) ? 443 : 80;
        if (NoProxyRule.isLoopback(host) || noProxy.stream().anyMatch(r -> r.matches(host, port))) {
            return Optional.empty();
        }
        return Optional.of(proxy);
    }

    /** This policy as a JDK {@link ProxySelector}, for {@code HttpClient.Builder.proxy}. */
    ProxySelector selector() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxyFor(uri).<Proxy>map(a -> new Proxy(Proxy.Type.HTTP, a)).orElse(Proxy.NO_PROXY));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // Nothing to fall back to: the fetch reports the connection failure itself.
            }
        };
    }

    private static String variable(Map<String, String> env, String lower) {
        String v = env.get(lower);
        if (v == null || v.isBlank()) {
            v = env.get(lower.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static InetSocketAddress parseProxy(String variable, String value) throws ProxyConfigException {
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (java.net.URISyntaxException e) {
            throw new ProxyConfigException(variable, value, "it is not a URL (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new ProxyConfigException(variable, value,
                    "only http:// proxies are supported (the proxy scheme was " + uri.getScheme() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProxyConfigException(variable, value, "proxy credentials in the URL are not supported");
        }
        if (uri.getHost() == null) {
            throw new ProxyConfigException(variable, value, "it names no host");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !"/".equals(path)) || uri.getRawQuery() != null) {
            throw new ProxyConfigException(variable, value, "a proxy URL has no path or query");
        }
        return InetSocketAddress.createUnresolved(NoProxyRule.bareHost(uri.getHost()),
                uri.getPort() == -1 ? 80 : uri.getPort());
    }
}
