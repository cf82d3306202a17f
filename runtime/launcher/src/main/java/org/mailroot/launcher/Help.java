package org.mailroot.launcher;

/** Help texts of the launcher's commands (bin/mailroot adds start, stop and status). */
final class Help {
    static final String MAIN = """
            Usage: mailroot [command] [--help]

            Commands:
              run       run the server in the foreground (default)
              version   print the version
              user      manage the accounts that may authenticate (add, passwd, remove, list)
              help      this text
              feature   list|enable NAME|disable NAME   features, live (docs/admin.md)
              bundle    list                            the OSGi bundles
              config    get PID [KEY]|set PID KEY VALUE  configuration, checked and live
              server    list|pause NAME|resume NAME     virtual servers
              status    per virtual server: state, connections, messages; queue length

            Folders: system property mailroot.home = the distribution (lib/, system/, etc/ defaults);
            mailroot.base or env MAILROOT_BASE = the instance (etc/, deploy/, logs/, mailroot/),
            default: the distribution folder.""";

    static final String RUN = """
            Usage: mailroot run

            Runs Mailroot in the foreground: boots the OSGi framework with the bundles of system/,
            applies etc/*.cfg (edits apply live within about a second), hot-deploys deploy/*.jar,
            then prints the version, the instance folder, each virtual server's addresses, the
            Mailroot folders and the bundles. Ctrl-C or SIGTERM stops it gracefully (in-flight
            SMTP transactions drain) and exits 0. Exits 1 if it cannot start (e.g. a port in use).""";

    static final String VERSION = """
            Usage: mailroot version

            Prints the Mailroot version.""";

    private Help() {
    }
}
