package io.jenkins.plugins.sampleplatform.wait;

import hudson.security.ACL;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jenkins.security.ImpersonatingExecutorService;

/**
 * The one pool on which every Pipeline execution of the plugin does its network calls: at most
 * {@value #MAX_THREADS} threads for the whole controller, however many builds wait, and none once it has been idle
 * for {@value #IDLE_SECONDS} s. More work than threads waits in the queue (a build's poll starts a little later),
 * never in a new thread. Waiting itself happens on Jenkins' {@code Timer}, which holds no thread per build.
 *
 * <p>Tasks run as {@code SYSTEM}, like the {@code Timer}'s; credentials are looked up with the build's own
 * authentication whatever the thread's.
 */
final class WaitPool {

    static final int MAX_THREADS = 8;
    static final long IDLE_SECONDS = 60;

    private static ExecutorService pool;

    private WaitPool() {}

    static synchronized ExecutorService get() {
        if (pool == null) {
            ThreadPoolExecutor threads = new ThreadPoolExecutor(
                    MAX_THREADS,
                    MAX_THREADS,
                    IDLE_SECONDS,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    new NamingThreadFactory(
                            new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Sample Platform"));
            threads.allowCoreThreadTimeOut(true);
            pool = new ImpersonatingExecutorService(threads, ACL.SYSTEM2);
        }
        return pool;
    }
}
