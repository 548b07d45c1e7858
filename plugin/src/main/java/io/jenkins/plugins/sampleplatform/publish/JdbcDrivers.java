package io.jenkins.plugins.sampleplatform.publish;

import java.sql.Driver;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the JDBC drivers bundled in this plugin (MariaDB, which also serves {@code jdbc:mysql:}) known to {@code DriverManager}.
 * DriverManager finds drivers once per JVM with a ServiceLoader on the class path or the thread's context
 * class loader, and a plugin's jars are on neither; so core's {@code DriverManager.getConnection} would
 * answer "No suitable driver". Loading each driver through this plugin's class loader runs its static
 * initializer, which registers it; DriverManager then lets core use it, since core lives in the same loader.
 */
final class JdbcDrivers {

    private static final Logger LOGGER = Logger.getLogger(JdbcDrivers.class.getName());

    private static volatile boolean registered;

    private JdbcDrivers() {}

    // One broken driver must not hide the others; DB mode then reports "No suitable driver" for its URLs.
    private static void load(ServiceLoader.Provider<Driver> provider) {
        try {
            LOGGER.log(
                    Level.FINE,
                    "JDBC driver available: {0}",
                    provider.get().getClass().getName());
        } catch (ServiceConfigurationError e) {
            LOGGER.log(Level.WARNING, "Could not load a bundled JDBC driver", e);
        }
    }

    /** Registers the bundled drivers, once. */
    static void register() {
        if (registered) {
            return;
        }
        synchronized (JdbcDrivers.class) {
            if (registered) {
                return;
            }
            try {
                ServiceLoader.load(Driver.class, JdbcDrivers.class.getClassLoader()).stream()
                        .forEach(JdbcDrivers::load);
            } catch (ServiceConfigurationError e) {
                LOGGER.log(Level.WARNING, "Could not list the bundled JDBC drivers", e);
            }
            registered = true;
        }
    }
}
