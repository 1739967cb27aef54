package dev.kimigayo.isn.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.repos.SingleRepository;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.solver.Explanation;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.TooComplexException;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Op;

/**
 * {@code isn check}: whether every package of one repository can be installed on its own into an
 * empty root (dose's distcheck, libsolv's installcheck), with the solver's explanation for each
 * that cannot. The solver is compiled once; the packages are solved on a few threads, since each
 * solve only reads the compiled index.
 */
public final class RepositoryCheck {

    private RepositoryCheck() {
    }

    /** A package that cannot be installed, and why; {@code tooComplex} when the search bound stopped the solver. */
    public record Problem(PackageRef pkg, Explanation explanation, boolean tooComplex) {
    }

    /**
     * The answer for one repository: how many packages it holds, how many were checked (those of
     * the target architecture or noarch), and the ones that cannot be installed, in index order.
     */
    public record Result(String repository, String arch, int packages, int checked, List<Problem> problems) {

        /** Freezes the list. */
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Reads and verifies the index at {@code location} and checks every package of the settings' architecture. */
    public static Result check(EngineSettings settings, String location) throws IsnException {
        LoadedRepository repo = SingleRepository.load(settings, location);
        return check(repo, settings.arch(), Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Checks every package of {@code repo} for {@code arch} on {@code threads} threads. */
    public static Result check(LoadedRepository repo, String arch, int threads) throws IsnException {
        Solver solver = Solver.prepare(List.of(SolverInput.repository(repo, false)), List.of(), arch);
        List<IndexEntry> all = repo.index().packages();
        List<IndexEntry> mine = all.stream().filter(e -> fits(e.info().architecture(), arch)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "isn-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Problem>>> parts = new ArrayList<>();
            int chunk = Math.max(1, (mine.size() + threads * 8 - 1) / (threads * 8));
            for (int from = 0; from < mine.size(); from += chunk) {
                List<IndexEntry> slice = mine.subList(from, Math.min(mine.size(), from + chunk));
                parts.add(pool.submit(() -> checkAll(solver, slice)));
            }
            List<Problem> problems = new ArrayList<>();
            for (Future<List<Problem>> f : parts) {
                problems.addAll(f.get());
            }
            return new Result(repo.url(), arch, all.size(), mine.size(), problems);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IsnException ie) {
                throw ie;
            }
            throw new IllegalStateException("the check failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean fits(String pkgArch, String arch) {
        return pkgArch == null || pkgArch.equals("noarch") || pkgArch.equals(arch);
    }

    private static List<Problem> checkAll(Solver solver, List<IndexEntry> entries) throws IsnException {
        List<Problem> problems = new ArrayList<>();
        for (IndexEntry e : entries) {
            PackageRef ref = new PackageRef(e.info().name(), e.info().version());
            Constraint exact = new Constraint(ref.name(), null, Op.EQ, ref.version(), false);
            try {
                solver.solve(List.of(), SolveRequest.add(List.of(exact)));
            } catch (UnsatisfiableException u) {
                problems.add(new Problem(ref, u.explanation(), false));
            } catch (TooComplexException t) {
                problems.add(new Problem(ref, t.firstConflict(), true));
            }
        }
        return problems;
    }
}
