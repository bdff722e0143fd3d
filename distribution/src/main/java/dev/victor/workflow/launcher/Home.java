package dev.victor.workflow.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the distribution is: {@code -Dvictor.home}, else the parent of the launcher jar's directory. */
final class Home {

    static final String PROPERTY = "victor.home";

    private Home() {
    }

    static Path find() {
        String given = System.getProperty(PROPERTY);
        Path home;
        if (given != null && !given.isBlank()) {
            home = Path.of(given);
        } else {
            try {
                Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                home = jar.getParent().getParent();
            } catch (URISyntaxException | RuntimeException e) {
                throw new LaunchException("cannot tell where the distribution is; set -D" + PROPERTY, 1);
            }
        }
        home = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("bundle")) || !Files.isRegularFile(home.resolve("etc/config.properties"))) {
            throw new LaunchException(home + " is not a Victor distribution (no bundle/ or etc/config.properties)", 1);
        }
        return home;
    }
}
