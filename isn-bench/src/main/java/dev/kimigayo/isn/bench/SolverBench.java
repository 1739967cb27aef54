package dev.kimigayo.isn.bench;

import dev.kimigayo.isn.core.solver.ProvidesPolicy;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The solver benchmark: loads the Debian bookworm dataset, then resolves vim, build-essential
 * and gnome-core from an empty system, several times each, and prints median and best times and
 * the peak heap. Run it with {@code packaging/bench/solver-bench.sh} (which sets -Xmx128m).
 * A plain main rather than JMH: the phases are seconds long, so warm-up and timer resolution
 * do not need a harness, and JMH is not among the project's dependencies.
 */
public final class SolverBench {
    private SolverBench() {
    }

    /** {@code SolverBench DATASET [ROUNDS]}. */
    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args.length > 0 ? args[0] : "../shared/datasets/debian-bookworm.jsonl.gz");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long[] load = new long[rounds];
        long[] prepare = new long[rounds];
        long[] loadCpu = new long[rounds];
        long[] loadProcessCpu = new long[rounds];
        Solver solver = null;
        List<SolverPackage> pkgs = null;
        for (int i = 0; i < rounds; i++) {
            pkgs = null;
            solver = null;
            long c0 = cpu();
            long p0 = processCpu();
            long t0 = System.nanoTime();
            pkgs = DebianDataset.load(dataset);
            long t1 = System.nanoTime();
            solver = Solver.prepare(List.of(Repository.of(null, pkgs)), List.of(), "x86_64", ProvidesPolicy.SHARED);
            long t2 = System.nanoTime();
            loadCpu[i] = cpu() - c0;
            loadProcessCpu[i] = processCpu() - p0;
            load[i] = t1 - t0;
            prepare[i] = t2 - t1;
        }
        System.out.printf("packages: %d%n", pkgs.size());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("live heap after load (packages + compiled index): %.1f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6);
        report("parse dataset", load);
        report("compile index", prepare);
        long[] both = new long[rounds];
        Arrays.setAll(both, i -> load[i] + prepare[i]);
        report("load total", both);
        report("load total (CPU time)", loadCpu);
        report("  (process CPU)", loadProcessCpu);
        for (String target : List.of("vim", "build-essential")) {
            time(solver, target, rounds);
        }
        time(solver, "gnome-core", rounds);
        List<SolverPackage> restored = new ArrayList<>(pkgs);
        restored.replaceAll(SolverBench::restoreAlternative);
        solver = null;
        Solver fixed = Solver.prepare(List.of(Repository.of(null, restored)), List.of(), "x86_64",
                ProvidesPolicy.SHARED);
        time(fixed, "gnome-core", rounds);
        System.out.printf("peak heap: %.1f MB (max heap %.0f MB)%n", peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void time(Solver solver, String target, int rounds) throws Exception {
        long[] t = new long[rounds * 2];
        long[] c = new long[rounds * 2];
        String result = null;
        for (int i = 0; i < t.length; i++) {
            long c0 = cpu();
            long s = System.nanoTime();
            try {
                result = solver.solve(List.of(), SolveRequest.add(List.of(Constraint.parse(target)))).changes().size()
                        + " packages";
            } catch (UnsatisfiableException e) {
                result = "refused (" + e.explanation().cause() + " on " + e.explanation().name() + ")";
            }
            t[i] = System.nanoTime() - s;
            c[i] = cpu() - c0;
        }
        System.out.printf("%s: %s%n", target, result);
        report("resolve " + target, t);
        report("  (CPU time)", c);
    }

    /** The dataset dropped libcanberra-pulse's "| pipewire-pulse" alternative; put it back (docs/solver.md). */
    static SolverPackage restoreAlternative(SolverPackage p) {
        if (!p.name().equals("libcanberra-pulse")) {
            return p;
        }
        List<Constraint> deps = new ArrayList<>();
        for (Constraint c : p.depends()) {
            deps.add(c.name().equals("pulseaudio") ? new Constraint("pipewire-pulse", null, null, null, false) : c);
        }
        return new SolverPackage(p.name(), p.version(), p.arch(), deps, p.provides(), p.installIf(),
                p.providerPriority(), p.id(), p.ref());
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-24s median %8.1f ms   best %8.1f ms   (%d runs)%n", what, s[s.length / 2] / 1e6,
                s[0] / 1e6, s.length);
    }

    /** CPU time of this thread (the loader's parsers run on others: see processCpu). */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of the whole JVM: the parser threads, the collector and the compilers too. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakHeap() {
        long sum = 0;
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        for (MemoryPoolMXBean p : pools) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
