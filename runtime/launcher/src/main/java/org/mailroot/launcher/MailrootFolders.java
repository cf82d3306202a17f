package org.mailroot.launcher;

import java.nio.file.Path;

/** Where the spool keeps the Mailroot folders: etc/org.mailroot.spool.cfg `root`, default mailroot. */
final class MailrootFolders {
    private MailrootFolders() {
    }

    static Path root(Layout layout) {
        String root = ConfigFiles.read(layout.etc().resolve("org.mailroot.spool.cfg"))
                .getProperty("root", "mailroot").trim();
        // relative to the instance, as the spool resolves it
        return layout.base().resolve(root.isEmpty() ? "mailroot" : root).normalize();
    }
}
