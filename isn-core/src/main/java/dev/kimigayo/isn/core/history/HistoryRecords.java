package dev.kimigayo.isn.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.plan.PackageId;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.plan.PackageSource;
import dev.kimigayo.isn.core.plan.Plan;
import dev.kimigayo.isn.core.plan.PlannedStep;
import dev.kimigayo.isn.db.InstalledPackage;
import dev.kimigayo.isn.db.TransactionPlan;

/** Turns a plan into the history row committed with it (docs/database.md, {@code transaction_plans}). */
public final class HistoryRecords {

    private HistoryRecords() {
    }

    /** The row for committing {@code plan} over {@code installed} (the packages before it). */
    public static TransactionPlan of(Plan plan, List<InstalledPackage> installed) {
        List<String> before = installed.stream().map(p -> p.name() + " " + p.version() + " " + p.arch())
                .sorted().toList();
        List<String> steps = new ArrayList<>();
        for (PlannedStep s : plan.steps()) {
            Change c = s.change();
            PackageId id = s.incoming();
            steps.add(String.join(" ", c.action().jsonName(), c.name(), dash(c.oldVersion()), dash(c.newVersion()),
                    id == null ? "-" : dash(id.sha256()), id == null ? "-" : source(id.source())));
        }
        return new TransactionPlan(plan.label(), plan.worldBefore(), plan.world(), before, steps);
    }

    /** A request in words, as {@code isn history} shows it: {@code add vim}, {@code upgrade}. */
    public static String label(PackageRequest r) {
        String op = r.operation().name().toLowerCase(Locale.ROOT);
        return r.targets().isEmpty() ? op : op + " " + String.join(" ", r.targets());
    }

    private static String source(PackageSource s) {
        if (s instanceof PackageSource.Indexed i) {
            return i.repository().replace(' ', '+');
        }
        if (s instanceof PackageSource.LocalFile f) {
            return f.file().toUri().toString();
        }
        return s instanceof PackageSource.Virtual ? "virtual" : "installed";
    }

    private static String dash(String v) {
        return v == null || v.isEmpty() ? "-" : v.replace(' ', '_').replace('\n', '_');
    }
}
