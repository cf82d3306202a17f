package org.mailroot.auth.policy;

import java.util.Set;
import org.mailroot.api.hook.SenderFilter;
import org.mailroot.auth.UserDirectory;

/** Builds the package-private test constructor of {@link SenderRestriction}. */
public final class SenderRestrictionProbe {
    private SenderRestrictionProbe() {
    }

    public static SenderFilter of(UserDirectory directory, Set<String> listeners) {
        return new SenderRestriction(directory, listeners);
    }
}
