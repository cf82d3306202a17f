package org.mailroot.auth.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.auth.AuthThrottle;
import org.mailroot.auth.AuthConfig;
import org.mailroot.auth.ConfigValues;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed AUTH per client address (configuration {@code org.mailroot.auth}). Answers
 * from memory: the listener calls it on the network thread and schedules the delayed reply.
 */
@Component(service = AuthThrottle.class, configurationPid = AuthConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = "service.ranking:Integer=-100")
public final class FailureThrottle implements AuthThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(FailureThrottle.class);

    /** The defaults of {@link AuthConfig}, in force until the first configuration. */
    private FailureCounts.Policy policy = new FailureCounts.Policy(Duration.ofSeconds(1), 5, Duration.ofMinutes(15));
    private final FailureCounts counts = new FailureCounts(policy, Clock.systemUTC());

    @Activate
    @Modified
    void configure(AuthConfig config) {
        int delay = ConfigValues.range("failureDelayMillis", config.failureDelayMillis(), 0, 60_000,
                (int) policy.firstDelay().toMillis());
        int max = ConfigValues.range("maxFailures", config.maxFailures(), 1, 1000, policy.maxFailures());
        int minutes = ConfigValues.range("lockoutMinutes", config.lockoutMinutes(), 1, 1440,
                (int) policy.window().toMinutes());
        policy = new FailureCounts.Policy(Duration.ofMillis(delay), max, Duration.ofMinutes(minutes));
        counts.policy(policy);
    }

    @Override
    public Penalty admit(SessionInfo session) {
        String ip = ip(session);
        return counts.lockedOut(ip) ? new Penalty(Duration.ZERO, true) : Penalty.NONE;
    }

    @Override
    public Penalty failed(SessionInfo session, String user) {
        String ip = ip(session);
        Penalty p = counts.failed(ip);
        if (p.disconnect()) {
            LOG.warn("[{}] AUTH failure {} from {} (user '{}', virtual server {}): disconnecting; address refused for {} min",
                    session.id(), counts.failures(ip), ip, user, session.listenerName(), policy.window().toMinutes());
        } else {
            LOG.warn("[{}] AUTH failure {} from {} (user '{}', virtual server {}): reply delayed {} ms",
                    session.id(), counts.failures(ip), ip, user, session.listenerName(), p.delay().toMillis());
        }
        return p;
    }

    @Override
    public void succeeded(SessionInfo session, String identity) {
        // Deliberately forgets nothing: if a success cleared the address's failures, a client with
        // one account of its own could guess another user's password without limit (four wrong
        // guesses, one good login, repeat). Failures expire with the window instead.
    }

    /** IPv6 clients are counted per /64: one host usually holds the whole /64 (RFC 6177). */
    private static String ip(SessionInfo session) {
        var a = session.remoteAddress();
        if (a.getAddress() instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Arrays.fill(b, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(b).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always a valid address
            }
        }
        return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
    }
}
