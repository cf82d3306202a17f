package org.mailroot.relay;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the dnsjava resolver on the first lookup, on the hook worker that needs it: loading
 * dnsjava and reading the system's resolver configuration takes a few hundred milliseconds,
 * which activation would otherwise spend on Configuration Admin's event thread (delaying every
 * other configuration), although most set-ups have no domain entry and never look up.
 */
final class LazyResolver implements ReverseResolver {
    private static final Logger LOG = LoggerFactory.getLogger(LazyResolver.class);

    private final List<String> servers;
    private final Duration timeout;
    private volatile ReverseResolver delegate;

    LazyResolver(List<String> servers, Duration timeout) {
        this.servers = servers;
        this.timeout = timeout;
    }

    @Override
    public Result verify(InetAddress client) {
        return resolver().verify(client);
    }

    private ReverseResolver resolver() {
        ReverseResolver r = delegate;
        if (r == null) {
            synchronized (this) {
                r = delegate;
                if (r == null) {
                    r = create();
                    delegate = r;
                }
            }
        }
        return r;
    }

    private ReverseResolver create() {
        try {
            return new DnsReverseResolver(servers, timeout);
        } catch (UnknownHostException | RuntimeException e) {
            LOG.error("Relay control: cannot use DNS servers {}: {}; clients needing a domain entry are"
                    + " deferred (4xx)", servers.isEmpty() ? "(system)" : servers, e.toString());
            return client -> Result.TEMPORARY_FAILURE;
        }
    }
}
