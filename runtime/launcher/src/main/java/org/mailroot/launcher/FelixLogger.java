package org.mailroot.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Routes the framework's own messages (resolution errors, bundle failures) into the server log. */
final class FelixLogger extends Logger {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable t) {
        String text = bundle == null ? msg : bundle.getSymbolicName() + ": " + msg;
        switch (level) {
            case LOG_ERROR -> LOG.error("{}", text, t);
            case LOG_WARNING -> LOG.warn("{}", text, t);
            case LOG_INFO -> LOG.info("{}", text, t);
            default -> LOG.debug("{}", text, t);
        }
    }
}
