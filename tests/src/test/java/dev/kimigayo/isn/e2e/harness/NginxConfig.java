package dev.kimigayo.isn.e2e.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders the nginx configuration {@link NginxServer} runs with. */
final class NginxConfig {

    private NginxConfig() {
    }

    /**
     * A config serving {@code root} on 127.0.0.1:{@code port}, with every file nginx writes under
     * {@code prefix}. The {@code user} directive appears only when running as root: nginx ignores
     * it (with a warning) otherwise, and as root it would drop the workers to "nobody", who may
     * not be able to read a test's temp directory.
     */
    static String render(Path prefix, Path root, int port) {
        String user = runningAsRoot() ? "user root root;\n" : "";
        return user
                + "worker_processes 1;\n"
                + "daemon off;\n"
                + "pid " + q(prefix.resolve("nginx.pid")) + ";\n"
                + "error_log " + q(prefix.resolve("error.log")) + " info;\n"
                + "events { worker_connections 128; }\n"
                + "http {\n"
                + "  access_log " + q(prefix.resolve("access.log")) + ";\n"
                + "  client_body_temp_path " + q(prefix.resolve("client_body")) + ";\n"
                + "  proxy_temp_path " + q(prefix.resolve("proxy")) + ";\n"
                + "  fastcgi_temp_path " + q(prefix.resolve("fastcgi")) + ";\n"
                + "  uwsgi_temp_path " + q(prefix.resolve("uwsgi")) + ";\n"
                + "  scgi_temp_path " + q(prefix.resolve("scgi")) + ";\n"
                + "  types { application/json json; text/plain txt; }\n"
                + "  default_type application/octet-stream;\n"
                + "  sendfile on;\n"
                + "  keepalive_timeout 5s;\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    server_name localhost;\n"
                + "    root " + q(root) + ";\n"
                + "    etag on;\n"
                + "    if_modified_since exact;\n"
                + "    autoindex on;\n"
                + "  }\n"
                + "}\n";
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String q(Path p) {
        // nginx takes single-quoted strings with backslash escapes.
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
