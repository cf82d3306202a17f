package org.mailroot.admin.http;

/** The admin operations behind the endpoint; called on a worker thread, never on the event loop. */
@FunctionalInterface
public interface Routes {
    /**
     * Answers one authenticated request. IllegalArgumentException becomes 400 with its message,
     * NoSuchElementException 404, IllegalStateException 409, anything else 500.
     */
    Response handle(Request request) throws Exception;
}
