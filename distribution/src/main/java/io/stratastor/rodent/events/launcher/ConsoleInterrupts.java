package io.stratastor.rodent.events.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import sun.misc.Signal;

/**
 * Ctrl-C in the interactive shell. The console of gogo.shell 1.1 leaves SIGINT to the JVM, which
 * would stop the whole node when an operator only wants to end {@code events:tail -f}. In
 * interactive mode the launcher takes SIGINT itself: while a command runs, it interrupts that
 * command's Gogo job (the command's thread sees an interrupt); at the prompt, it stops the node as
 * SIGINT always did. The console runs inside the {@code gosh} command, so each command line is a
 * job nested in gosh's job (which {@code CommandSession.foregroundJob()} returns, and which must
 * not be interrupted): the nested foreground jobs are followed through a {@code JobListener} set on
 * each session a {@code CommandSessionListener} service sees. Gogo is reached by reflection, as in
 * {@link GogoScript}. Thread-safe.
 */
final class ConsoleInterrupts {
    static final String SESSION_LISTENER = "org.apache.felix.service.command.CommandSessionListener";
    static final String SESSION = "org.apache.felix.service.command.CommandSession";
    static final String JOB_LISTENER = "org.apache.felix.service.command.JobListener";
    static final String JOB = "org.apache.felix.service.command.Job";

    private final Set<Object> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Object> commandJobs = ConcurrentHashMap.newKeySet();
    private final Runnable atPrompt;
    private volatile Method parent;
    private volatile Method interrupt;

    ConsoleInterrupts(Runnable atPrompt) {
        this.atPrompt = atPrompt;
    }

    /**
     * Registers the listener with the Gogo runtime of {@code context} and takes SIGINT.
     *
     * @return false (after changing nothing) when no Gogo runtime is registered
     */
    boolean install(BundleContext context) throws ReflectiveOperationException {
        ServiceReference<?> processor = context.getServiceReference(NodeReadiness.COMMAND_PROCESSOR);
        if (processor == null) {
            return false;
        }
        Bundle gogo = processor.getBundle();
        Class<?> sessionListener = gogo.loadClass(SESSION_LISTENER);
        Class<?> jobListenerType = gogo.loadClass(JOB_LISTENER);
        Class<?> job = gogo.loadClass(JOB);
        parent = job.getMethod("parent");
        interrupt = job.getMethod("interrupt");
        Method setJobListener = gogo.loadClass(SESSION).getMethod("setJobListener", jobListenerType);
        Object jobListener = proxy(jobListenerType, "jobChanged", args -> jobChanged(args[0], String.valueOf(args[2])));
        Object listener = proxy(sessionListener, "beforeExecute", args -> {
            // The first command of a session is the console's own gosh: from then on its jobs are followed.
            if (sessions.add(args[0])) {
                setJobListener.invoke(args[0], jobListener);
            }
        });
        context.registerService(SESSION_LISTENER, listener, null);
        Signal.handle(new Signal("INT"), signal -> onInterrupt());
        return true;
    }

    /** A Gogo job changed status: a nested job in the foreground is a command line running. */
    void jobChanged(Object job, String status) throws ReflectiveOperationException {
        if ("Foreground".equals(status) && parent.invoke(job) != null) {
            commandJobs.add(job);
        } else {
            commandJobs.remove(job);
        }
    }

    /**
     * Interrupts the running command lines; with none, runs the at-prompt action.
     *
     * @return how many jobs were interrupted
     */
    int onInterrupt() {
        List<Object> jobs = List.copyOf(commandJobs);
        if (jobs.isEmpty()) {
            atPrompt.run();
            return 0;
        }
        int interrupted = 0;
        for (Object job : jobs) {
            try {
                interrupt.invoke(job);
                interrupted++;
            } catch (IllegalAccessException | InvocationTargetException e) {
                // A job that ended meanwhile has nothing left to interrupt.
                commandJobs.remove(job);
            }
        }
        return interrupted;
    }

    /** For tests: the job methods, from any job type with {@code parent()} and {@code interrupt()}. */
    void use(Method parent, Method interrupt) {
        this.parent = parent;
        this.interrupt = interrupt;
    }

    /** A callback on one method of a Gogo interface; its other methods do nothing. */
    private interface Call {
        void on(Object[] args) throws ReflectiveOperationException;
    }

    private static Object proxy(Class<?> type, String method, Call call) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, invoked, args) -> {
            switch (invoked.getName()) {
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "rodent-events launcher: Ctrl-C interrupts the running command";
                }
                default -> {
                    if (invoked.getName().equals(method)) {
                        call.on(args);
                    }
                    return null;
                }
            }
        });
    }
}
