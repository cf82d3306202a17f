package org.mailroot.auth;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The user file in memory, reloaded live: a daemon thread looks at the file once a second and
 * reloads it when it changed (the CLI replaces it by rename, so its identity changes too). Lookups
 * read an immutable snapshot and never touch the disk, so they are safe anywhere.
 */
@Component(service = UserDirectory.class, configurationPid = AuthConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuthConfig.class)
public final class UserDirectory {
    private static final long POLL_MILLIS = 1000;

    private volatile UserFileWatch watch;
    private volatile String defaultDomain = "";
    private volatile Users fixed;
    private ScheduledExecutorService timer;

    /** The accounts now, with the default domain; from memory, never blocks. */
    public Users users() {
        Users f = fixed;
        if (f != null) {
            return f;
        }
        UserFileWatch w = watch;
        return w == null ? Users.EMPTY : new Users(w.users(), defaultDomain);
    }

    /** A directory that always answers {@code users} (tests of the components that use it). */
    public static UserDirectory fixed(Users users) {
        UserDirectory d = new UserDirectory();
        d.fixed = users;
        return d;
    }

    @Activate
    void activate(AuthConfig config, BundleContext context) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailroot-auth-users");
            t.setDaemon(true);
            return t;
        });
        apply(config, base(context));
        timer.scheduleWithFixedDelay(() -> watch.poll(), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Modified
    void modified(AuthConfig config, BundleContext context) {
        apply(config, base(context));
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void apply(AuthConfig config, Path base) {
        String domain = config.defaultDomain().strip();
        if (domain.contains("@") || domain.contains(" ")) {
            ConfigValues.refused("defaultDomain", domain, "a domain name or empty", defaultDomain);
        } else {
            defaultDomain = domain;
        }
        Path file = base.resolve(config.usersFile()).normalize();
        UserFileWatch current = watch;
        if (current == null || !current.file().equals(file)) {
            UserFileWatch next = new UserFileWatch(file);
            next.poll(); // first load now: activation runs on a DS thread, never a network thread
            watch = next;
        }
    }

    private static Path base(BundleContext context) {
        String base = context.getProperty("mailroot.base");
        return base == null || base.isBlank() ? Paths.get("").toAbsolutePath() : Paths.get(base);
    }
}
