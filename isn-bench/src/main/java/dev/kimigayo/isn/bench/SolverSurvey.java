package dev.kimigayo.isn.bench;

import dev.kimigayo.isn.core.solver.ProvidesPolicy;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.solver.TooComplexException;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The solver survey: every target of {@link BenchTargets} from an empty system, apk's rules,
 * counted as solved, proved unsatisfiable or gave up, with the distribution of solve times (each
 * target solved twice, the second time counted, so class loading and JIT warm-up of the first
 * targets do not dominate the tail). {@code SolverSurvey DATASET [EVERY] [--verbose] [--shared] [--only T1,T2]}
 * ({@code --shared}: Debian's provides rule, {@link ProvidesPolicy#SHARED}, instead of apk's; {@code --only}: these targets ({@code a&b}: both at once), with
 * the explanation of each refusal).
 */
public final class SolverSurvey {
    private SolverSurvey() {
    }

    /** Runs the survey and prints one summary (and with --verbose one line per target). */
    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args.length > 0 ? args[0] : "../shared/datasets/debian-bookworm.jsonl.gz");
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        boolean verbose = List.of(args).contains("--verbose");
        List<SolverPackage> pkgs = DebianDataset.load(dataset);
        ProvidesPolicy policy = List.of(args).contains("--shared") ? ProvidesPolicy.SHARED : ProvidesPolicy.EXCLUSIVE;
        Solver solver = Solver.prepare(List.of(Repository.of(null, pkgs)), List.of(), "x86_64", policy);
        List<String> targets = BenchTargets.of(pkgs, every);
        int only = List.of(args).indexOf("--only");
        if (only >= 0) {
            targets = List.of(args[only + 1].split(","));
        }
        pkgs = null;
        int solved = 0;
        int unsat = 0;
        int gaveUp = 0;
        long[] times = new long[targets.size()];
        String slowest = null;
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            String result = null;
            for (int round = 0; round < 2; round++) {
                long c0 = cpu();
                try {
                    result = "solved " + solver.solve(List.of(), SolveRequest.add(world(t)))
                            .changes().size();
                } catch (TooComplexException e) {
                    result = "gave up";
                } catch (UnsatisfiableException e) {
                    result = "unsatisfiable " + e.explanation().cause() + " " + e.explanation().name()
                            + (only >= 0 ? e.explanation().render() : "");
                }
                times[i] = cpu() - c0;
            }
            if (result.startsWith("solved")) {
                solved++;
            } else if (result.startsWith("gave")) {
                gaveUp++;
            } else {
                unsat++;
            }
            if (slowest == null || times[i] > times[targets.indexOf(slowest)]) {
                slowest = t;
            }
            if (verbose) {
                System.out.printf("%-40s %-60s %8.2f ms%n", t, result, times[i] / 1e6);
            }
        }
        long[] s = times.clone();
        Arrays.sort(s);
        System.out.printf("targets %d: solved %d, proved unsatisfiable %d, gave up %d%n", targets.size(), solved,
                unsat, gaveUp);
        System.out.printf("solve CPU time: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%s)%n",
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.90)] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6,
                s[s.length - 1] / 1e6, slowest);
    }

    /** A target's world entries: {@code a&b} asks for both. */
    private static List<Constraint> world(String target) throws Exception {
        List<Constraint> out = new java.util.ArrayList<>();
        for (String t : target.split("&")) {
            out.add(Constraint.parse(t));
        }
        return out;
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
