package org.mailroot.delivery.local;

import org.mailroot.api.spool.Spool;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * The spool, fetched on first use instead of at activation. The spool binds the transports and
 * resolvers while it activates (it recovers the queue at once); asking for the spool back from
 * their activation is a circular activation, which SCR answers by leaving the reference unbound,
 * and the recovered queue then waited for its next retry (15 min). Fetched later, on a delivery
 * or scan thread, the spool is already active.
 */
final class SpoolHandle {
    private volatile ComponentServiceObjects<Spool> objects;
    private volatile Spool spool;

    /** A replacement (greedy) binds the new spool before unbinding the old one. */
    void bind(ComponentServiceObjects<Spool> bound) {
        objects = bound;
        spool = null;
    }

    void unbind(ComponentServiceObjects<Spool> unbound) {
        if (objects == unbound) {
            objects = null;
            spool = null;
        }
    }

    /** For tests and callers outside OSGi. */
    void set(Spool fixed) {
        objects = null;
        spool = fixed;
    }

    /** The spool if already fetched, without fetching it. */
    Spool peek() {
        return spool;
    }

    /** The spool, or null while none is bound. */
    Spool get() {
        Spool s = spool;
        ComponentServiceObjects<Spool> o = objects;
        if (s == null && o != null) {
            s = o.getService(); // SCR releases it when the reference is unbound
            spool = s;
        }
        return s;
    }
}
