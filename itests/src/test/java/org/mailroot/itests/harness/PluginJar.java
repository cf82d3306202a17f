package org.mailroot.itests.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds the test plugin bundle from the compiled test classes of org.mailroot.itests.plugin,
 * with a hand-written OSGi manifest: one jar per Bundle-Version.
 */
public final class PluginJar {
    public static final String SYMBOLIC_NAME = "org.mailroot.itests.versiontag";
    private static final String PACKAGE = "org/mailroot/itests/plugin/";
    private static final List<String> CLASSES = List.of("VersionTagFilter.class", "Activator.class");

    private PluginJar() {
    }

    public static byte[] build(String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Mailroot itest version tag plugin");
        main.putValue("Bundle-Activator", "org.mailroot.itests.plugin.Activator");
        main.putValue("Import-Package", "org.mailroot.api;version=\"[1.0,2)\","
                + "org.mailroot.api.hook;version=\"[1.0,2)\",org.osgi.framework");
        main.putValue("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (String name : CLASSES) {
                try (InputStream in = PluginJar.class.getClassLoader().getResourceAsStream(PACKAGE + name)) {
                    if (in == null) {
                        throw new IllegalStateException("compiled plugin class not found: " + PACKAGE + name);
                    }
                    jar.putNextEntry(new JarEntry(PACKAGE + name));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
