package dev.victor.workflow.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

import java.io.IOException;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Starts Felix with the bundles of {@code bundle/} in their start levels, waits until the
 * workflow runtime is ready, then opens the shell or runs one command, and stops the framework.
 *
 * <p>The framework cache is kept in the data directory from one run to the next by one runtime at a
 * time, others get a temporary one ({@link FrameworkCache}), so a one-shot command can run while a
 * shell is open. Bundles are installed by reference, not copied.
 */
final class Launcher {

    private static final String STORAGE = Constants.FRAMEWORK_STORAGE;
    private static final long STOP_TIMEOUT_MS = 10_000;


    private final Path home;
    private final LauncherSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private Framework framework;
    private FrameworkCache cache;
    private final boolean timing = Boolean.getBoolean("victor.timing");
    private final long born = System.nanoTime();

    Launcher(Path home, LauncherSettings settings, PrintStream out, PrintStream err) {
        this.home = home;
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /**
     * Opens the interactive shell ({@link InteractiveShell}, the Gogo shell bundle providing its
     * commands); returns when it is left, having stopped the framework.
     */
    int shell() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "victor shutdown"));
        try {
            start(true);
            BundleContext context = framework.getBundleContext();
            GogoSession session = GogoSession.open(context, System.in, out, err);
            LineInput input = lineInput(session);
            DeployWatch watch = new DeployWatch(context, home.resolve("deploy"), input::printAbove);
            try {
                new InteractiveShell(session, context, home.resolve("etc").resolve("gosh_profile"), input, err).run();
            } finally {
                watch.close();
                input.close();
                session.close();
            }
        } finally {
            stop();
        }
        return 0;
    }

    /** JLine on a terminal (history in {@code victor.shell.history}), else plain lines. */
    private LineInput lineInput(GogoSession session) {
        if (!TerminalInput.available()) {
            return new PlainInput(System.in, out);
        }
        Path history = Path.of(settings.get("victor.shell.history", home.resolve("data/shell-history").toString()));
        int size;
        try {
            size = Integer.parseInt(settings.get("victor.shell.history.size", "1000").strip());
        } catch (NumberFormatException e) {
            throw new LaunchException("etc/config.properties: victor.shell.history.size is not a number", 1);
        }
        try {
            java.nio.file.Files.createDirectories(history.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            err.println("victor: cannot create the directory of the shell's history " + history + ": " + e);
        }
        return TerminalInput.open(new ShellCompleter(session::commandNames, session::options,
                new WorkflowNames(framework.getBundleContext())), history, size);
    }

    /** Runs one command with its arguments as given, and returns its exit status. */
    int oneShot(List<String> command) {
        Thread hook = new Thread(this::stop, "victor shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            start(false);
            GogoSession session = GogoSession.open(framework.getBundleContext(), out, err);
            try {
                return session.run(command.get(0), command.subList(1, command.size()));
            } finally {
                time("command done");
                session.close();
            }
        } finally {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    // ---------------------------------------------------------------- start

    private void start(boolean interactive) {
        Map<String, Object> properties = new HashMap<>(settings.frameworkProperties());
        if (!properties.containsKey(STORAGE)) {
            cache = FrameworkCache.open(Path.of(settings.get("victor.data", home.resolve("data").toString())));
            properties.put(STORAGE, cache.directory().toString());
        }
        if (cache == null || !cache.kept()) {
            properties.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");
        properties.put("felix.log.logger", new QuietLogger(err));
        // the launcher's own console reads the input (InteractiveShell); the Gogo shell bundle
        // provides its commands only
        properties.put("gosh.args", "--nointeractive --quiet");

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Launcher.class.getClassLoader())
                .findFirst().orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/)", 1));
        try {
            init(factory, properties);
            time("framework initialised");
            if (timing) {
                framework.getBundleContext().addBundleListener(new StartTimes(err));
            }
            installBundles(framework.getBundleContext(), cache != null && cache.kept());
            time("bundles installed");
            framework.start();
            LogForwarder.install(framework.getBundleContext(), settings.get("victor.log.level", "warn"), err);
            time("start level 1");
            raiseStartLevel(settings.highestStartLevel());
            time("start level " + settings.highestStartLevel());
        } catch (BundleException e) {
            throw new LaunchException("the framework did not start: " + e.getMessage(), e);
        }
        new Readiness(framework.getBundleContext(), settings.readyFilters(), settings.readyTimeoutMillis(),
                home.resolve("deploy")).await();
        time("ready");
        if (interactive) {
            startShellBundles();
        }
    }

    /** A kept cache that the framework cannot read (a run killed while it wrote) is emptied, and the framework made again. */
    private void init(FrameworkFactory factory, Map<String, Object> properties) throws BundleException {
        framework = newFramework(factory, properties);
        try {
            framework.init();
        } catch (BundleException | RuntimeException e) {
            if (cache == null || !cache.kept()) {
                throw e;
            }
            err.println("victor: the framework cache " + cache.directory() + " could not be read (" + e.getMessage()
                    + "); starting with a new one");
            cache.clear();
            framework = newFramework(factory, properties);
            framework.init();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Framework newFramework(FrameworkFactory factory, Map<String, Object> properties) {
        return factory.newFramework((Map) properties);
    }

    /** With -Dvictor.timing=true, how long each step of the start took (on standard error). */
    void time(String step) {
        if (timing) {
            err.printf("victor: %-24s %5d ms after the launcher started%n", step, (System.nanoTime() - born) / 1_000_000);
        }
    }

    private record Jar(Path path, String symbolicName, boolean fragment, int level, int order) implements Comparable<Jar> {
        @Override
        public int compareTo(Jar other) {
            return level != other.level ? Integer.compare(level, other.level) : Integer.compare(order, other.order);
        }
    }

    /**
     * Installs the jars of bundle/ level by level. From a kept cache, a bundle installed before is
     * taken as it is when its jar has not changed (else updated), and what bundle/ no longer holds,
     * or a session installed otherwise (deploy/ is installed again by FileInstall), is uninstalled.
     */
    private void installBundles(BundleContext context, boolean kept) {
        List<Jar> jars = new ArrayList<>();
        File[] files = home.resolve("bundle").toFile().listFiles();
        if (files == null) {
            throw new LaunchException("cannot list " + home.resolve("bundle"), 1);
        }
        java.util.Arrays.sort(files);
        try {
            for (File file : files) {
                if (!file.getName().endsWith(".jar")) {
                    continue;
                }
                Path path = file.toPath();
                Manifest manifest = manifest(path);
                String name = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (name == null) {
                    err.println("victor: " + path.getFileName() + " is not a bundle; skipped");
                    continue;
                }
                name = name.split(";")[0].strip();
                boolean fragment = manifest.getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
                jars.add(new Jar(path, name, fragment, settings.startLevel(name), settings.startOrder(name)));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the bundles of " + home.resolve("bundle") + ": " + e.getMessage(), e);
        }
        // within a level, the framework starts bundles in the order of their ids: install them level by
        // level, in the order of etc/startup.properties (stable: the others keep the order of their names)
        jars.sort(null);
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != Constants.SYSTEM_BUNDLE_ID) {
                installed.put(bundle.getLocation(), bundle);
            }
        }
        Map<String, String> stamps = kept ? cache.stamps() : Map.of();
        Map<String, String> taken = new HashMap<>();
        for (Jar jar : jars) {
            taken.put(location(jar), FrameworkCache.stamp(jar.path().toFile()));
        }
        boolean inOrder = inStartOrder(jars, installed);
        for (Map.Entry<String, Bundle> entry : installed.entrySet()) {
            if (!inOrder || !taken.containsKey(entry.getKey())) {
                uninstall(entry.getValue());
            }
        }
        if (!inOrder) {
            installed.clear();   // installed again, in the order of etc/startup.properties
        }
        List<String> shellOnly = settings.shellBundles();
        for (Jar jar : jars) {
            String location = location(jar);
            try {
                long t0 = System.nanoTime();
                Bundle bundle = installed.get(location);
                String how = "taken from the cache";
                if (bundle == null) {
                    bundle = context.installBundle(location);
                    how = "installed";
                } else if (!taken.get(location).equals(stamps.get(location))) {
                    bundle.update();
                    how = "updated";
                }
                if (timing) {
                    err.printf("victor:   %s %s in %d ms%n", how, jar.symbolicName(), (System.nanoTime() - t0) / 1_000_000);
                }
                bundle.adapt(BundleStartLevel.class).setStartLevel(jar.level());
                if (shellOnly.contains(jar.symbolicName())) {
                    // started for the shell only, and transiently: a kept cache must not start it for a command
                    bundle.stop();
                } else if (!jar.fragment()) {
                    bundle.start();
                }
            } catch (BundleException e) {
                throw new LaunchException("cannot install " + jar.path().getFileName() + ": " + e.getMessage(), e);
            }
        }
        if (kept) {
            cache.saveStamps(taken);
        }
    }

    /** Whether the bundles a kept cache holds have ids in the start order of the jars (else it is stale). */
    private static boolean inStartOrder(List<Jar> jars, Map<String, Bundle> installed) {
        long previous = -1;
        for (Jar jar : jars) {
            Bundle bundle = installed.get(location(jar));
            if (bundle != null) {
                if (bundle.getBundleId() < previous) {
                    return false;
                }
                previous = bundle.getBundleId();
            }
        }
        return true;
    }

    private static String location(Jar jar) {
        return "reference:" + jar.path().toUri();
    }

    private void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            throw new LaunchException("cannot uninstall " + bundle.getLocation() + " from the framework cache "
                    + cache.directory() + ": " + e.getMessage(), e);
        }
    }

    private static Manifest manifest(Path path) throws IOException {
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            return manifest != null ? manifest : new Manifest();
        }
    }

    private void raiseStartLevel(int level) {
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED || event.getType() == FrameworkEvent.ERROR) {
                reached.countDown();
            }
        });
        try {
            if (!reached.await(settings.readyTimeoutMillis(), TimeUnit.MILLISECONDS)) {
                throw new LaunchException("the framework did not reach start level " + level, 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting", 1);
        }
    }

    private void startShellBundles() {
        List<String> shellOnly = settings.shellBundles();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (shellOnly.contains(bundle.getSymbolicName())) {
                try {
                    bundle.start(Bundle.START_TRANSIENT);
                } catch (BundleException e) {
                    throw new LaunchException("cannot start the shell: " + e.getMessage(), e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- stop

    private synchronized void stop() {
        Framework running = framework;
        framework = null;
        if (running != null) {
            try {
                running.stop();
                running.waitForStop(STOP_TIMEOUT_MS);
            } catch (BundleException | InterruptedException | IllegalStateException e) {
                // stopping anyway: the process exits next
            }
            time("framework stopped");
        }
        if (cache != null) {
            cache.close();
            cache = null;
            time("cache released");
        }
    }
}
