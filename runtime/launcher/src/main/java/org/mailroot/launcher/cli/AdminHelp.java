package org.mailroot.launcher.cli;

/** Help texts of the admin commands (docs/admin.md has the same with examples). */
final class AdminHelp {
    static final String COMMON = """

            Talks to the running server's admin endpoint (127.0.0.1:2580 by default, see
            etc/org.mailroot.admin.cfg) with the token of data/admin.token. Exit 0 on success, 1 when
            refused or failed, 2 for a usage error, 3 when the server is not running.""";

    static final String FEATURE = """
            Usage: mailroot feature list
                   mailroot feature enable NAME
                   mailroot feature disable NAME

            list      the features of features/*.json, enabled or not
            enable    installs and starts the feature's bundles from system/ and writes its default
                      configurations where etc/ has none; no restart, no dropped session
            disable   stops and uninstalls the bundles only this feature brought (never core, never a
                      bundle another enabled feature needs) and removes the configurations it wrote
            The enabled set is kept in etc/org.mailroot.features.cfg and survives a restart.""" + COMMON;

    static final String BUNDLE = """
            Usage: mailroot bundle list

            Every OSGi bundle of the running server: id, state, symbolic name, version.""" + COMMON;

    static final String CONFIG = """
            Usage: mailroot config get PID [KEY]
                   mailroot config set PID KEY VALUE

            get   the configured values of PID (from its etc/ file) and the defaults of unset keys
            set   checks VALUE against the component's metatype (refused with the allowed values
                  named), writes it to the PID's etc/ file and the server applies it live
            PID examples: org.mailroot.spool, org.mailroot.listener~default, org.mailroot.admin""" + COMMON;

    static final String SERVER = """
            Usage: mailroot server list
                   mailroot server pause NAME
                   mailroot server resume NAME

            list     virtual servers (org.mailroot.listener~NAME): state and addresses
            pause    new connections get 421, open sessions finish (paused=true in its etc/ file)
            resume   accept connections again (paused=false)""" + COMMON;

    static final String STATUS = """
            Usage: mailroot status

            Per virtual server: state, current connections, messages received, recipients
            delivered, deferred, failed; then the queue length. bin/mailroot status prints the
            process status first.""" + COMMON;

    private AdminHelp() {
    }
}
