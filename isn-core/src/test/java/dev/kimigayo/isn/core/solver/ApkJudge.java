package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.version.Constraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares isn's outcome with apk's expectation: the same operations on the same packages and
 * versions (as a set), in an order where every package comes after the packages it depends on
 * that the plan also installs, and every removal before the removals it depends on; an ERROR
 * expectation must be a refusal carrying a message.
 */
final class ApkJudge {
    private ApkJudge() {
    }

    /** Null when the outcome passes, else a one-line reason. */
    static String verdict(ApkCase c, ApkCaseRunner.Outcome o) {
        if (c.expectsError()) {
            if (o.error() == null) {
                return "expected a refusal, got a plan: " + describe(o.plan());
            }
            return o.error().getMessage() == null || o.error().getMessage().isBlank() ? "refusal without a message"
                    : null;
        }
        if (o.error() != null) {
            return "refused: " + o.error().getMessage().lines().findFirst().orElse("") + " ("
                    + o.error().code() + ")";
        }
        List<String> want = new ArrayList<>(c.expectedOps());
        List<String> got = describe(o.plan());
        if (!new java.util.HashSet<>(want).equals(new java.util.HashSet<>(got)) || want.size() != got.size()) {
            return "expected " + want + ", got " + got;
        }
        return orderProblem(o.plan());
    }

    static List<String> describe(Solution p) {
        return p.changes().stream().map(ApkOps::describe).toList();
    }

    private static String orderProblem(Solution p) {
        List<Change> ch = p.changes();
        for (int i = 0; i < ch.size(); i++) {
            for (int j = i + 1; j < ch.size(); j++) {
                Change a = ch.get(i);
                Change b = ch.get(j);
                boolean bothRemove = a.action() == Action.REMOVE && b.action() == Action.REMOVE;
                boolean bothAdd = a.action() != Action.REMOVE && b.action() != Action.REMOVE;
                if (bothAdd && dependsOn(a.pkg(), b.pkg()) && !dependsOn(b.pkg(), a.pkg())) {
                    return ApkOps.describe(a) + " comes before its dependency " + ApkOps.describe(b);
                }
                if (bothRemove && dependsOn(b.pkg(), a.pkg()) && !dependsOn(a.pkg(), b.pkg())) {
                    return ApkOps.describe(a) + " is removed before its dependent " + ApkOps.describe(b);
                }
            }
        }
        return null;
    }

    private static boolean dependsOn(SolverPackage x, SolverPackage y) {
        for (Constraint d : x.depends()) {
            if (d.conflict()) {
                continue;
            }
            if (d.name().equals(y.name()) || y.provides().stream().anyMatch(pr -> pr.name().equals(d.name()))) {
                return true;
            }
        }
        return false;
    }
}
