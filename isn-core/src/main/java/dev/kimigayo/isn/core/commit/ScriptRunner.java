package dev.kimigayo.isn.core.commit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineListener;

/**
 * Runs a package's {@code .INSTALL} functions with {@code /bin/sh}: directly when the root is
 * {@code /}; chrooted into the root when it is not and this process may chroot (uid 0) and the
 * root has a {@code /bin/sh}; otherwise not at all, with one note per transaction (docs/user-guide.md). Output
 * goes to the listener, never to stdout.
 */
public final class ScriptRunner {

    // No /dev/null needed: a fresh root may not have /dev yet.
    private static final String SHELL_CODE = ". \"$0\" || exit 127; "
            + "if [ -n \"$(command -v \"$ISN_FUNCTION\")\" ]; then \"$ISN_FUNCTION\" \"$@\"; fi";

    private final RootLayout root;
    private final EngineListener listener;
    private final boolean enabled;
    private boolean noted;

    /** A runner for {@code root}; {@code enabled} false ({@code --no-scripts}) runs nothing. */
    public ScriptRunner(RootLayout root, EngineListener listener, boolean enabled) {
        this.root = root;
        this.listener = listener;
        this.enabled = enabled;
    }

    /** Whether scripts can run at all on this root. */
    boolean canRun() {
        return enabled && (root.isHostRoot() || (mayChroot() && Files.isExecutable(root.resolve("bin/sh"))));
    }

    private static boolean mayChroot() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/chroot"));
    }

    /** Runs {@code function} of {@code script} (null: the package has none) and returns its exit status. */
    public int run(String pkg, byte[] script, String function, List<String> args) throws IOException {
        if (script == null || !enabled) {
            return 0;
        }
        if (!canRun()) {
            // Expected for every unprivileged --root build: one calm note per transaction, not one warning per script.
            if (!noted) {
                noted = true;
                listener.on(new EngineEvent.Note("package scripts were not run (first: " + function + " of " + pkg
                        + "): under --root " + root.root() + " they run chrooted, which needs "
                        + (mayChroot() ? "a /bin/sh in the root" : "root privileges and a /bin/sh in the root")
                        + "; run isn as root on a root with a shell to run them, or add --no-scripts to skip them"
                        + " without this note"));
            }
            return 0;
        }
        Path dir = root.stateDir().resolve("tmp");
        Files.createDirectories(dir);
        Path file = dir.resolve(pkg + ".INSTALL");
        Files.write(file, script);
        try {
            List<String> command = new ArrayList<>();
            if (!root.isHostRoot()) {
                command.add("/usr/sbin/chroot");
                command.add(root.root().toString());
            }
            command.addAll(List.of("/bin/sh", "-c", SHELL_CODE, "/" + root.relativize(file)));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            pb.environment().put("ISN_FUNCTION", function);
            pb.directory(root.root().toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    listener.on(new EngineEvent.ScriptOutput(pkg, function, line));
                }
            }
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + function + " of " + pkg, e);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
