package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadsRuleTest {

    @TempDir
    Path folder;

    private PluginSources sources() {
        return new PluginSources(folder);
    }

    @Test
    void theOneBoundedExecutorAndTimerReschedulesPass() {
        PluginCheck.Report report = sources().java("Waits", """
                        package demo;
                        import io.jenkins.plugins.sampleplatform.defer.DeferringExecutor;
                        import io.jenkins.plugins.sampleplatform.defer.Next;
                        import java.time.Instant;
                        import java.util.concurrent.TimeUnit;
                        import jenkins.util.Timer;
                        final class Waits {
                            static final DeferringExecutor EXECUTOR = new DeferringExecutor("demo", Timer.get());
                            Next again() {
                                Timer.get().schedule(() -> {}, 10, TimeUnit.SECONDS);
                                return Next.at(Instant.now().plusSeconds(10));
                            }
                            void notAThread(Nap nap) {
                                nap.sleep(3);
                                long millis = TimeUnit.SECONDS.toMillis(3);
                            }
                            interface Nap { void sleep(int seconds); }
                        }
                        """).check();

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void everyWayToMakeAThreadPoolIsRejected() {
        PluginCheck.Report report = sources().java("Pools", """
                        package demo;
                        import static java.util.concurrent.Executors.newFixedThreadPool;
                        import java.util.concurrent.*;
                        final class Pools {
                            ExecutorService a = Executors.newCachedThreadPool();
                            ExecutorService b = java.util.concurrent.Executors.newSingleThreadExecutor();
                            ExecutorService c = newFixedThreadPool(4);
                            ExecutorService d = new ThreadPoolExecutor(1, 100, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
                            ScheduledExecutorService e = new ScheduledThreadPoolExecutor(2);
                            ExecutorService f = new ForkJoinPool();
                            ExecutorService g = Executors.newVirtualThreadPerTaskExecutor();
                        }
                        """).check();

        assertThat(report.findings()).extracting(Finding::line).containsExactly(5, 6, 7, 8, 9, 10, 11);
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("threads");
            assertThat(f.message()).contains("makes a thread pool", "DeferringExecutor");
        });
    }

    @Test
    void threadsOfItsOwnAreRejected() {
        PluginCheck.Report report = sources().java("Threads", """
                        package demo;
                        final class Threads {
                            void start(Runnable work) {
                                new Thread(work).start();
                                new java.lang.Thread() { public void run() {} }.start();
                                Thread.ofVirtual().start(work);
                                Thread.startVirtualThread(work);
                            }
                        }
                        """).check();

        assertThat(report.findings()).extracting(Finding::line).containsExactly(4, 5, 6, 7);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).contains("makes a thread of its own"));
    }

    @Test
    void sleepingIsRejectedHoweverItIsWritten() {
        PluginCheck.Report report = sources().java("Sleeps", """
                        package demo;
                        import static java.lang.Thread.sleep;
                        import static java.util.concurrent.TimeUnit.SECONDS;
                        import java.util.concurrent.TimeUnit;
                        final class Sleeps {
                            void nap() throws InterruptedException {
                                Thread.sleep(1000);
                                sleep(1000);
                                TimeUnit.SECONDS.sleep(1);
                                SECONDS.sleep(1);
                                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(1);
                            }
                        }
                        """).check();

        assertThat(report.findings()).extracting(Finding::line).containsExactly(7, 8, 9, 10, 11);
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).contains("sleeps", "Timer"));
    }
}
