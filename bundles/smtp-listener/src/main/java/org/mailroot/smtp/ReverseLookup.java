package org.mailroot.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Forward-confirmed reverse DNS with the JDK resolver (blocking: called on a worker thread).
 * The name is used only when it resolves back to the client's address (RFC 5321 §4.4 TCP-info).
 */
final class ReverseLookup {
    private ReverseLookup() {
    }

    static Optional<String> of(InetAddress address) {
        try {
            String name = InetAddress.getByAddress(address.getAddress()).getCanonicalHostName();
            if (name.equals(address.getHostAddress())) {
                return Optional.empty();
            }
            boolean confirmed = Arrays.asList(InetAddress.getAllByName(name)).contains(address);
            return confirmed ? Optional.of(name) : Optional.empty();
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
