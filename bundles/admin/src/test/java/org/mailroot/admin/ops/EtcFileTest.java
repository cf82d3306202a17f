package org.mailroot.admin.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcFileTest {
    @TempDir
    Path etc;

    @Test
    void replacesTheKeyLineAndKeepsComments() throws Exception {
        Path p = etc.resolve("org.mailroot.spool.cfg");
        Files.writeString(p, "# the spool\n# expireHours: hours\nexpireHours = 48\nroot=mailroot\n");
        EtcFile f = new EtcFile(p);
        f.set("expireHours", "24");
        f.set("minFreeDiskMb", "100");
        assertEquals("# the spool\n# expireHours: hours\nexpireHours=24\nroot=mailroot\nminFreeDiskMb=100\n", Files.readString(p));
        assertEquals("24", f.read().getProperty("expireHours"));
    }

    @Test
    void valuesAreEscapedAndLineBreaksRefused() throws Exception {
        EtcFile f = new EtcFile(etc.resolve("x.cfg"));
        f.set("banner", "C:\\mail ready");
        assertEquals("C:\\mail ready", f.read().getProperty("banner"));
        assertThrows(IllegalArgumentException.class, () -> f.set("banner", "a\nroot=/etc"));
    }
}
