package dev.kimigayo.isn.core.commit;

import java.util.List;

import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.plan.TxnStep;

/** Which {@code .INSTALL} function a step runs before or after the renames, with apk's arguments. */
record ScriptCall(byte[] script, String function, List<String> args) {

    /** {@code pre_install NEW}, {@code pre_upgrade NEW OLD} or {@code pre_remove OLD}; null when none applies. */
    static ScriptCall pre(TxnStep s, PackageHeader h, ScriptFiles files) {
        return of(s, h, files, "pre_");
    }

    /** {@code post_install NEW}, {@code post_upgrade NEW OLD} or {@code post_remove OLD}; null when none applies. */
    static ScriptCall post(TxnStep s, PackageHeader h, ScriptFiles files) {
        return of(s, h, files, "post_");
    }

    private static ScriptCall of(TxnStep s, PackageHeader h, ScriptFiles files, String when) {
        Change c = s.change();
        if (s.isRemoval()) {
            byte[] script = files.old(c.name());
            return script == null ? null : new ScriptCall(script, when + "remove", List.of(c.oldVersion()));
        }
        if (h == null || h.script() == null) {
            return null;
        }
        return s.hasOld()
                ? new ScriptCall(h.script(), when + "upgrade", List.of(c.newVersion(), c.oldVersion()))
                : new ScriptCall(h.script(), when + "install", List.of(c.newVersion()));
    }
}
