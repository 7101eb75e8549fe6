package io.ashspring.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contenders of {@link BulkInsertBenchmark} run in turns, in one JVM: each round runs every
 * contender once (in a rotating order, the table emptied before each), so that a machine shared
 * with other work slows all of them alike, and each round gives a ratio to {@code copy}. Prints
 * the median time of each contender and the median of its per-round ratios. A check beside JMH
 * for a loaded machine, not a replacement for it.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.ashspring.benchmarks.BulkInsertSideBySide [rounds] [warm-up rounds]
 * }</pre>
 */
public final class BulkInsertSideBySide {

    /** One contender: a call of the benchmark. */
    @FunctionalInterface
    private interface Contender {
        void run(BulkInsertBenchmark benchmark) throws Exception;
    }

    private BulkInsertSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Map<String, Contender> contenders = new LinkedHashMap<>();
        contenders.put("copy", BulkInsertBenchmark::copy);
        contenders.put("ashCreateAllCount", BulkInsertBenchmark::ashCreateAllCount);
        contenders.put("ashCreateAll", BulkInsertBenchmark::ashCreateAll);
        contenders.put("jdbcUnnest", BulkInsertBenchmark::jdbcUnnest);
        List<String> names = new ArrayList<>(contenders.keySet());
        Map<String, double[]> times = new LinkedHashMap<>();
        names.forEach(name -> times.put(name, new double[rounds]));
        BulkInsertBenchmark benchmark = new BulkInsertBenchmark();
        benchmark.setUp();
        try {
            for (int round = -warmUp; round < rounds; round++) {
                for (int turn = 0; turn < names.size(); turn++) {
                    String name = names.get(Math.floorMod(round + turn, names.size()));
                    benchmark.empty();
                    long start = System.nanoTime();
                    contenders.get(name).run(benchmark);
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (round >= 0) {
                        times.get(name)[round] = millis;
                    }
                }
            }
        } finally {
            benchmark.tearDown();
        }
        double[] copy = times.get("copy");
        System.out.printf("%d rounds after %d warm-up rounds%n", rounds, warmUp);
        System.out.printf("%-20s %12s %14s %22s%n", "contender", "median ms", "median x COPY", "x COPY, 25th-75th pct");
        for (String name : names) {
            double[] ratios = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                ratios[i] = times.get(name)[i] / copy[i];
            }
            System.out.printf("%-20s %12.1f %14.2f %15.2f-%.2f%n", name, median(times.get(name)), median(ratios),
                    percentile(ratios, 0.25), percentile(ratios, 0.75));
        }
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(fraction * (sorted.length - 1))];
    }
}
