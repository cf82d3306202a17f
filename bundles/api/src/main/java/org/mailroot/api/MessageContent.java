package org.mailroot.api;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The bytes of a message as received: RFC 5322 headers and body, lines ending in CRLF, with
 * SMTP dot-stuffing already removed. Implemented by the server; may be opened many times.
 */
@ProviderType
public interface MessageContent {
    /** The size in octets. */
    long size();

    /** A fresh stream over the whole message, from the first header. The caller closes it. */
    InputStream open() throws IOException;
}
