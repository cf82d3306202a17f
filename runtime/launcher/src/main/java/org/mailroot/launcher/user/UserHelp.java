package org.mailroot.launcher.user;

/** Help text of {@code mailroot user}. */
final class UserHelp {
    static final String TEXT = """
            Usage: mailroot user add     [--password-stdin] [--alias ADDR,...] [--iterations N] [--cram-md5] NAME
                   mailroot user passwd  [--password-stdin] [--iterations N] [--cram-md5] NAME
                   mailroot user remove  NAME
                   mailroot user aliases NAME [ADDR,...]
                   mailroot user list

            Manages the accounts that may authenticate (SMTP AUTH PLAIN, LOGIN, SCRAM-SHA-256) in the
            user file (etc/users, or usersFile in etc/org.mailroot.auth.cfg). The server need not run;
            a running server picks the change up within about a second.

            NAME      the user name, usually the address (alice@example.com). A bare name (alice) is
                      completed with defaultDomain of etc/org.mailroot.auth.cfg when the user logs in.
            --password-stdin   read the password from the first line of standard input
                      (otherwise it is asked twice on the terminal). A password is never an argument.
            --alias   further addresses the user may send as on submission (comma separated);
                      'aliases NAME' without addresses removes them.
            --iterations       PBKDF2 iterations of the SCRAM-SHA-256 credential (default 100000,
                      at least 4096).
            --cram-md5         also store a CRAM-MD5 secret (RFC 2195), as is done anyway while
                      cramMd5=true in etc/org.mailroot.auth.cfg. It is password-equivalent for
                      CRAM-MD5 logins: use it only for clients that know nothing better. A later
                      passwd without it (and with cramMd5=false) removes the secret.

            A salted SCRAM-SHA-256 credential is stored (salt, iterations, StoredKey, ServerKey), and
            the CRAM-MD5 secret only when asked for; never the password. The file is written
            atomically with mode 0600.
            Exit status: 0 done, 1 failed (e.g. unknown user), 2 usage error.""";

    private UserHelp() {
    }
}
