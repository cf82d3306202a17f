package org.mailroot.relay;

import java.net.InetAddress;

/**
 * A forward-confirmed reverse lookup: the client's PTR names, kept only when one of them
 * resolves back (A or AAAA) to the client's address. Blocking: called on a hook worker only.
 */
interface ReverseResolver {
    /** The outcome of one lookup. */
    record Result(Status status, String name) {
        static final Result NONE = new Result(Status.NONE, null);
        static final Result TEMPORARY_FAILURE = new Result(Status.TEMPORARY_FAILURE, null);

        static Result verified(String name) {
            return new Result(Status.VERIFIED, AccessList.normalise(name));
        }
    }

    /** VERIFIED: a PTR name confirmed by its forward lookup; NONE: no name or not confirmed. */
    enum Status { VERIFIED, NONE, TEMPORARY_FAILURE }

    Result verify(InetAddress client);
}
