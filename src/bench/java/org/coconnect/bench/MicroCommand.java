package org.coconnect.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coconnect-bench micro [regex]}: the JMH micro-benchmarks (crypto costs, the payload pass, the gateway's own
 * work per receive), each in a forked JVM with JMH's warm-up and statistics instead of a hand-timed loop.
 */
@Command(name = "micro", mixinStandardHelpOptions = true,
        description = "Run the JMH micro-benchmarks (CryptoBenchmark, PayloadPassBenchmark, ReceiveBenchmark) whose name matches.")
public final class MicroCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", defaultValue = ".*Benchmark.*", description = "Benchmarks to run, a regex (default: all).")
    String include;

    @Option(names = "--forks", defaultValue = "1", description = "Forked JVMs per benchmark (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup-iterations", defaultValue = "3", description = "Warm-up iterations of a second (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of a second (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--threads", defaultValue = "1", description = "Threads running each benchmark at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--jvm-arg", description = "An option for the forked JVMs (repeatable), e.g. a JFR recording.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = {"-p", "--param"}, description = "A benchmark parameter, name=value[,value...] (repeatable), as JMH's -p.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--thread-cpu", description = "Instead of JMH: the payload pass timed by this thread's CPU time.")
    boolean threadCpu;

    @Override
    public Integer call() throws Exception {
        if (threadCpu) {
            org.coconnect.ws.PayloadPassCpu.report(System.out);
        } else {
            var options = options(include, forks).warmupIterations(warmupIterations).measurementIterations(iterations)
                    .threads(threads);
            options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
            params.forEach((name, values) -> options.param(name, values.split(",")));
            run(options);
        }
        return 0;
    }

    /** Average time per operation in milliseconds, 3 warm-up and 5 measured iterations of a second. */
    static ChainedOptionsBuilder options(String include, int forks) {
        return new OptionsBuilder().include(include).forks(forks).mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1)).shouldFailOnError(true);
    }

    /**
     * Runs JMH. Under {@code mvn exec:java} this JVM's classes are not on java.class.path, which JMH hands
     * to its forks, so the class loaders' real classpath is put there first.
     */
    static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        System.setProperty("java.class.path", ChildJvm.classpath());
        return new Runner(options.build()).run();
    }
}
