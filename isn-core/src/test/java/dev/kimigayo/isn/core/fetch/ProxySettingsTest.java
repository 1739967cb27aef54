package dev.kimigayo.isn.core.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.kimigayo.isn.core.IsnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing HTTP_PROXY/HTTPS_PROXY/NO_PROXY from a map, and a fetch that really goes through a proxy. */
class ProxySettingsTest {

    private static final Map<String, String> ENV = Map.of(
            "HTTP_PROXY", "proxy.corp:3128",
            "https_proxy", "http://secure.corp:8080/",
            "HTTPS_PROXY", "http://ignored.corp:1",
            "NO_PROXY", "internal.corp, .mirror.corp,10.0.0.0/8 ,192.168.1.7,build.corp:8080,[fd00::1]");

    @Test
    void picksTheProxyPerSchemeLowerCaseWinning() throws Exception {
        ProxySettings p = ProxySettings.fromEnvironment(ENV);
        assertEquals(proxy("proxy.corp", 3128), p.proxyFor(URI.create("http://dl.example.org/a")));
        assertEquals(proxy("secure.corp", 8080), p.proxyFor(URI.create("https://dl.example.org/a")));
    }

    @Test
    void noProxyMatchesDomainsSubdomainsAddressesBlocksAndPorts() throws Exception {
        ProxySettings p = ProxySettings.fromEnvironment(ENV);
        for (String direct : new String[] {"http://internal.corp/a", "http://a.internal.corp/a",
            "http://mirror.corp/a", "http://eu.mirror.corp/a", "http://10.1.2.3/a", "http://192.168.1.7/a",
            "http://build.corp:8080/a", "http://[fd00::1]/a", "http://localhost:8080/a", "http://127.0.0.1/a",
            "http://[::1]/a"}) {
            assertEquals(Optional.empty(), p.proxyFor(URI.create(direct)), direct);
        }
        for (String proxied : new String[] {"http://notinternal.corp/a", "http://11.0.0.1/a",
            "http://192.168.1.8/a", "http://build.corp/a", "http://corp/a"}) {
            assertTrue(p.proxyFor(URI.create(proxied)).isPresent(), proxied);
        }
    }

    @Test
    void starDisablesProxyingAndEmptyValuesAreUnset() throws Exception {
        assertEquals(Optional.empty(), ProxySettings.fromEnvironment(Map.of("http_proxy", "p:1", "no_proxy", "*"))
                .proxyFor(URI.create("http://x.org/")));
        assertEquals(ProxySettings.NONE, ProxySettings.fromEnvironment(Map.of("http_proxy", " ", "PATH", "/bin")));
    }

    @Test
    void unusableValuesAreUsageErrorsNamingTheVariable() {
        ProxyConfigException socks = assertThrows(ProxyConfigException.class,
                () -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://p:1080")));
        assertEquals(IsnException.Kind.USAGE, socks.kind());
        assertEquals("cannot use https_proxy=socks5://p:1080: only http:// proxies are supported (the proxy scheme"
                + " was socks5); set it to http://HOST:PORT, or unset it to connect directly", socks.getMessage());
        ProxyConfigException creds = assertThrows(ProxyConfigException.class,
                () -> ProxySettings.fromEnvironment(Map.of("http_proxy", "http://u:secret@p:1")));
        assertTrue(creds.getMessage().contains("credentials"), creds.getMessage());
        assertThrows(ProxyConfigException.class, () -> ProxySettings.fromEnvironment(Map.of("no_proxy", "a.org:x")));
        assertThrows(ProxyConfigException.class, () -> ProxySettings.fromEnvironment(Map.of("no_proxy", "a.org/8")));
    }

    @Test
    void fetchGoesThroughTheConfiguredProxy(@TempDir Path dir) throws Exception {
        byte[] data = "via the proxy".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (FaultyServer proxy = new FaultyServer()) {
            // A forward proxy receives the absolute URL; this one answers it itself.
            proxy.on("/a.isn", (ex, hit) -> {
                assertEquals("http://repo.invalid/a.isn", ex.getRequestURI().toString());
                FaultyServer.send(ex, data);
            });
            ProxySettings settings = ProxySettings.fromEnvironment(Map.of("http_proxy", "127.0.0.1:" + proxy.port()));
            try (Fetcher f = new Fetcher(Fixtures.fast(Sleeper.REAL).withProxy(settings))) {
                f.fetch(FetchRequest.of(URI.create("http://repo.invalid/a.isn"), dir.resolve("a.isn"), 100));
            }
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("a.isn")));
            assertEquals(1, proxy.hits("/a.isn"));
        }
    }

    private static Optional<InetSocketAddress> proxy(String host, int port) {
        return Optional.of(InetSocketAddress.createUnresolved(host, port));
    }
}
