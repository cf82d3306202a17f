package org.mailroot.api.hook;

import org.osgi.annotation.versioning.ProviderType;

/** Headers a {@link MessageFilter} adds at the top of the message, in the order added. */
@ProviderType
public interface AddedHeaders {
    /**
     * Adds {@code name: value}. The server folds nothing and checks that neither part contains
     * CR or LF, so a filter cannot inject lines.
     *
     * @throws IllegalArgumentException if the name is not an RFC 5322 field name or either part
     *         contains CR or LF
     */
    void add(String name, String value);
}
