package org.mailroot.assembler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;

/** Tiny real bundles (a manifest, no classes) written into a Maven repository layout. */
final class TestBundles {
    private TestBundles() {
    }

    /** groupId "test", version 1.0.0; empty import/export = none. */
    static Path bundle(Path repo, String artifactId, String importPackage, String exportPackage) throws IOException {
        Path jar = repo.resolve("test/" + artifactId + "/1.0.0/" + artifactId + "-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test." + artifactId);
        a.putValue("Bundle-Version", "1.0.0");
        if (!importPackage.isEmpty()) {
            a.putValue("Import-Package", importPackage);
        }
        if (!exportPackage.isEmpty()) {
            a.putValue("Export-Package", exportPackage);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    /** The Felix framework jar on the test class path (the launcher's dependency). */
    static Path framework() {
        try {
            return Path.of(Felix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
