package io.ashspring.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link ReplicaRoutingBenchmark}'s two contenders timed in adjacent pairs on one thread: a block of
 * reads through the routing, a block read directly (in alternating order), again and again. Each pair
 * sees the same machine load, so the median of the pairs' ratios holds on a busy machine where two JMH
 * runs made one after the other differ by more than the routing costs.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.ashspring.benchmarks.ReplicaRoutingPairs [pairs] [block]
 * }</pre>
 */
public final class ReplicaRoutingPairs {

    private ReplicaRoutingPairs() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ReplicaRoutingBenchmark benchmark = new ReplicaRoutingBenchmark();
        benchmark.setUp();
        try {
            Supplier<Object> routed = benchmark::routed;
            Supplier<Object> direct = benchmark::direct;
            long warmUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < warmUntil) {
                time(routed, block);
                time(direct, block);
            }
            List<Double> ratios = new ArrayList<>();
            long routedTotal = 0;
            long directTotal = 0;
            for (int i = 0; i < pairs; i++) {
                long r;
                long d;
                if (i % 2 == 0) {
                    r = time(routed, block);
                    d = time(direct, block);
                } else {
                    d = time(direct, block);
                    r = time(routed, block);
                }
                routedTotal += r;
                directTotal += d;
                ratios.add((double) r / d);
            }
            Collections.sort(ratios);
            System.out.printf("pairs: %d of %d reads each%n", pairs, block);
            System.out.printf("routed %.1f us/read, direct %.1f us/read%n", routedTotal / 1e3 / pairs / block,
                    directTotal / 1e3 / pairs / block);
            System.out.printf("ratio of totals %.4f; median of pair ratios %.4f (quartiles %.4f .. %.4f)%n",
                    (double) routedTotal / directTotal, ratios.get(pairs / 2), ratios.get(pairs / 4),
                    ratios.get(3 * pairs / 4));
        } finally {
            benchmark.tearDown();
        }
    }

    private static long time(Supplier<Object> read, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            if (read.get() == null) {
                throw new IllegalStateException("no record");
            }
        }
        return System.nanoTime() - start;
    }
}
