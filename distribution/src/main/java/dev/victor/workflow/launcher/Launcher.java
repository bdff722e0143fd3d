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
 * <p>Each run has a framework cache of its own in a temporary directory (deleted at exit), so a
 * one-shot command can run while a shell is open. Bundles are installed by reference, not copied.
 */
final class Launcher {

    private static final String STORAGE = Constants.FRAMEWORK_STORAGE;
    private static final long STOP_TIMEOUT_MS = 10_000;
    private static final String CACHE_PREFIX = "victor-felix-";


    private final Path home;
    private final LauncherSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private Framework framework;
    private Path storage;
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
            // named by the process id (no random name: seeding a random generator costs a start 20 ms)
            removeAbandonedCaches();
            File cache = new File(System.getProperty("java.io.tmpdir"),
                    CACHE_PREFIX + ProcessHandle.current().pid());
            deleteTree(cache);
            if (cache.mkdirs()) {
                storage = cache.toPath();
            } else {
                // someone else's directory of that name (another user's, left behind): a random name then
                try {
                    storage = java.nio.file.Files.createTempDirectory(CACHE_PREFIX + ProcessHandle.current().pid() + "-");
                } catch (java.io.IOException e) {
                    throw new LaunchException("cannot create the framework cache in " + cache.getParent() + ": " + e, e);
                }
            }
            properties.put(STORAGE, storage.toString());
        }
        properties.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");
        properties.put("felix.log.logger", new QuietLogger(err));
        // the launcher's own console reads the input (InteractiveShell); the Gogo shell bundle
        // provides its commands only
        properties.put("gosh.args", "--nointeractive --quiet");

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Launcher.class.getClassLoader())
                .findFirst().orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/)", 1));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework created = factory.newFramework((Map) properties);
        framework = created;
        try {
            framework.init();
            time("framework initialised");
            if (timing) {
                framework.getBundleContext().addBundleListener(new StartTimes(err));
            }
            installBundles(framework.getBundleContext());
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

    private void installBundles(BundleContext context) {
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
        List<String> shellOnly = settings.shellBundles();
        for (Jar jar : jars) {
            try {
                long t0 = System.nanoTime();
                Bundle bundle = context.installBundle("reference:" + jar.path().toUri());
                if (timing) {
                    err.printf("victor:   installed %s in %d ms%n", jar.symbolicName(), (System.nanoTime() - t0) / 1_000_000);
                }
                bundle.adapt(BundleStartLevel.class).setStartLevel(jar.level());
                if (!jar.fragment() && !shellOnly.contains(jar.symbolicName())) {
                    bundle.start();
                }
            } catch (BundleException e) {
                throw new LaunchException("cannot install " + jar.path().getFileName() + ": " + e.getMessage(), e);
            }
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
                    bundle.start();
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
        if (storage != null) {
            delete(storage);
            storage = null;
            time("cache deleted");
        }
    }

    /** Framework caches of earlier runs that were killed before they could delete theirs (their process is gone). */
    private static void removeAbandonedCaches() {
        File[] entries = new File(System.getProperty("java.io.tmpdir")).listFiles();
        if (entries == null) {
            return;
        }
        for (File entry : entries) {
            String name = entry.getName();
            if (name.startsWith(CACHE_PREFIX)) {
                try {
                    String id = name.substring(CACHE_PREFIX.length());
                    long pid = Long.parseLong(id.contains("-") ? id.substring(0, id.indexOf('-')) : id);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        deleteTree(entry);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
    }

    /** Deletes a directory tree (plain java.io: at this point it is quicker than loading the NIO walkers). */
    private static void delete(Path directory) {
        deleteTree(directory.toFile());
    }

    private static void deleteTree(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child);
            }
        }
        // a file left behind in the temporary directory is not worth failing the command for
        file.delete();
    }
}
