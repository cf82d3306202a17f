package org.mailroot.api.spool;

import java.io.IOException;

/**
 * The spool refused a message because its disk is (nearly) full. Nothing was stored; the
 * listener answers 452 4.3.1 (RFC 5321 §4.5.3.1.10, RFC 3463).
 */
public class SpoolFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public SpoolFullException(String message) {
        super(message);
    }
}
