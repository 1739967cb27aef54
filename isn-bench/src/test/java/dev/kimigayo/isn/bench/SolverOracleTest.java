package dev.kimigayo.isn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kimigayo.isn.core.solver.InstalledPackage;
import dev.kimigayo.isn.core.solver.LearnerOnly;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.ProvidesPolicy;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * isn against an independent oracle on the Debian graph, under apk's provides rule and under
 * Debian's ({@link ProvidesPolicy}): for every target of {@link BenchTargets}
 * (every 256th package name, the tasks and the everyday targets of issue 14), isn plans exactly
 * when Sat4j finds the CNF of {@link SatOracle} satisfiable, and every plan satisfies that CNF and
 * the {@link DatasetChecker}. Both ways isn decides are checked: the usual one (depth-first search,
 * the learning search past its budget) and the learning search alone. No target may end in "too
 * complex".
 */
class SolverOracleTest {
    @Test
    void apkRules() throws Exception {
        agree(ProvidesPolicy.EXCLUSIVE);
    }

    @Test
    void debianRules() throws Exception {
        agree(ProvidesPolicy.SHARED);
    }

    private static void agree(ProvidesPolicy policy) throws Exception {
        Path dataset = SharedDataset.debian();
        List<SolverPackage> pkgs = DebianDataset.load(dataset);
        List<String> targets = BenchTargets.of(pkgs, Integer.getInteger("oracle.every", 256));
        Solver usual = Solver.prepare(List.of(Repository.of(null, pkgs)), List.of(), "x86_64", policy);
        Solver learner = LearnerOnly.of(usual);
        pkgs = null;
        DatasetChecker checker = new DatasetChecker(dataset);
        SatOracle oracle = new SatOracle(checker.all(), policy == ProvidesPolicy.SHARED);
        List<String> wrong = new ArrayList<>();
        int plans = 0;
        int sats = 0;
        List<Long> sat4j = new ArrayList<>();
        List<Long> isnUsual = new ArrayList<>();
        List<Long> isnLearner = new ArrayList<>();
        for (String t : targets) {
            SatOracle.Cnf cnf = oracle.encode(t);
            long t0 = System.nanoTime();
            boolean sat = SatOracle.satisfiable(cnf);
            sat4j.add(System.nanoTime() - t0);
            sats += sat ? 1 : 0;
            for (Solver solver : List.of(usual, learner)) {
                String how = solver == usual ? "" : " (learning search alone)";
                Solution plan;
                long t1 = System.nanoTime();
                try {
                    plan = solver.solve(List.of(), SolveRequest.add(List.of(Constraint.parse(t))));
                    (solver == usual ? isnUsual : isnLearner).add(System.nanoTime() - t1);
                } catch (UnsatisfiableException e) {
                    (solver == usual ? isnUsual : isnLearner).add(System.nanoTime() - t1);
                    if (sat) {
                        wrong.add(t + how + ": isn refuses, the oracle finds an installation:" + e.getMessage());
                    }
                    continue;
                }
                plans += solver == usual ? 1 : 0;
                if (!sat) {
                    wrong.add(t + how + ": isn plans, the oracle proves there is no installation");
                }
                String invalid = invalid(plan, checker, cnf);
                if (invalid != null) {
                    wrong.add(t + how + ": the plan is invalid: " + invalid);
                }
            }
        }
        System.out.printf("oracle, %s: %d targets, %d with an installation, isn plans %d, %d disagreements%n",
                policy, targets.size(), sats, plans, wrong.size());
        System.out.printf("wall ms median/p99/max: Sat4j (CNF built, solved with loop clauses) %s; isn %s;"
                + " isn learning search alone %s%n", stats(sat4j), stats(isnUsual), stats(isnLearner));
        assertEquals(List.of(), wrong, wrong.size() + " of " + targets.size() + " disagree");
        assertTrue(targets.size() >= 400, "targets: " + targets.size());
        assertTrue(plans >= targets.size() / 2, "plans: " + plans + ", oracle installations: " + sats);
    }

    private static String stats(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.2f/%.2f/%.2f", a[a.length / 2] / 1e6, a[(int) Math.ceil(a.length * 0.99) - 1] / 1e6,
                a[a.length - 1] / 1e6);
    }

    /** What the independent checkers find wrong with the plan's installed set, or null. */
    private static String invalid(Solution plan, DatasetChecker checker, SatOracle.Cnf cnf) {
        Map<String, String> installed = new HashMap<>();
        Set<JsonNode> records = new HashSet<>();
        for (InstalledPackage ip : plan.installed()) {
            installed.put(ip.pkg().name(), ip.pkg().version());
            for (JsonNode n : checker.packages(ip.pkg().name())) {
                if (n.get("version").asText().equals(ip.pkg().version())) {
                    records.add(n);
                }
            }
        }
        List<String> v = checker.violations(installed);
        String broken = cnf.broken(records);
        if (v.isEmpty() && broken == null) {
            return null;
        }
        return v + (broken == null ? "" : " (breaks " + broken + ")");
    }
}
