package org.mailroot.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Before boot, tries each configured listener address, so that a port already in use is reported
 * by name with the file to edit, instead of as a component failure deep in the log.
 */
final class PortCheck {
    private PortCheck() {
    }

    /** One line per configured address that cannot be bound; empty when all are free. */
    static List<String> problems(Layout layout) {
        List<String> problems = new ArrayList<>();
        for (ConfigFiles.Cfg cfg : ConfigFiles.factory(layout.etc(), "org.mailroot.listener")) {
            String file = layout.base().relativize(cfg.file()).toString();
            String portText = cfg.get("port", "2525");
            int port;
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                continue; // the listener refuses it and says so (conventions: invalid configuration)
            }
            for (String host : cfg.get("bindAddress", "0.0.0.0").split(",")) {
                String problem = tryBind(host.trim(), port);
                if (problem != null) {
                    problems.add("cannot listen on " + host.trim() + ":" + port + " (" + problem
                            + "); the port is set in " + file + " (key port, address key bindAddress)");
                }
            }
        }
        return problems;
    }

    private static String tryBind(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return null;
        } catch (IOException e) {
            return port < 1024 && e.getMessage() != null && e.getMessage().contains("denied")
                    ? "permission denied: ports below 1024 need privileges"
                    : "port in use or address unavailable: " + e.getMessage();
        }
    }
}
