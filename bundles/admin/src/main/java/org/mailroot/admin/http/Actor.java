package org.mailroot.admin.http;

/**
 * Who asked for a change, for the server log: the OS user the CLI reports (header
 * {@value #USER_HEADER}, informative only: the token is the authentication) and the client address.
 */
public record Actor(String user, String address) {
    public static final String USER_HEADER = "X-Mailroot-User";

    /** Keeps only characters that cannot forge a log line. */
    public static Actor of(String user, String address) {
        String clean = user == null ? "" : user.replaceAll("[^A-Za-z0-9._@-]", "");
        return new Actor(clean.isEmpty() ? "unknown" : clean.substring(0, Math.min(64, clean.length())), address);
    }

    @Override
    public String toString() {
        return "user " + user + " from " + address;
    }
}
