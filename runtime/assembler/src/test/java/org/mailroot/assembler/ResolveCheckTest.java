package org.mailroot.assembler;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroot.launcher.Mailroot;

/** bnd's resolver over real (tiny) bundles and the real Felix framework jar. */
class ResolveCheckTest {
    @TempDir
    Path repo;

    @Test
    void bundlesThatWireToEachOtherAndToTheFrameworkResolve() throws Exception {
        Path api = TestBundles.bundle(repo, "api", "", "com.example.api;version=1.0");
        Path impl = TestBundles.bundle(repo, "impl", "com.example.api;version=\"[1,2)\",org.osgi.framework,org.slf4j", "");
        ResolveCheck.check(TestBundles.framework(), Mailroot.systemPackagesExtra(),
                List.of(new ResolveCheck.Jar("test:api:1.0.0", api), new ResolveCheck.Jar("test:impl:1.0.0", impl)));
    }

    @Test
    void aMissingPackageFailsNamingTheRequirementAndTheBundle() throws Exception {
        Path broken = TestBundles.bundle(repo, "broken", "com.example.nowhere;version=\"[2,3)\"", "");
        ResolveCheck.ResolveFailure e = assertThrows(ResolveCheck.ResolveFailure.class, () -> ResolveCheck.check(
                TestBundles.framework(), Mailroot.systemPackagesExtra(), List.of(new ResolveCheck.Jar("test:broken:1.0.0", broken))));
        assertTrue(e.getMessage().contains("com.example.nowhere"), e.getMessage());
        assertTrue(e.getMessage().contains("test.broken"), e.getMessage());
    }

    @Test
    void aVersionOutsideTheExportedRangeFails() throws Exception {
        Path api = TestBundles.bundle(repo, "api", "", "com.example.api;version=1.0");
        Path impl = TestBundles.bundle(repo, "impl", "com.example.api;version=\"[2,3)\"", "");
        ResolveCheck.ResolveFailure e = assertThrows(ResolveCheck.ResolveFailure.class, () -> ResolveCheck.check(
                TestBundles.framework(), Mailroot.systemPackagesExtra(),
                List.of(new ResolveCheck.Jar("test:api:1.0.0", api), new ResolveCheck.Jar("test:impl:1.0.0", impl))));
        assertTrue(e.getMessage().contains("com.example.api"), e.getMessage());
    }

    @Test
    void aJarThatIsNoBundleIsNamed() throws Exception {
        Path notABundle = repo.resolve("plain.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(notABundle))) {
            out.flush();
        }
        ResolveCheck.ResolveFailure e = assertThrows(ResolveCheck.ResolveFailure.class, () -> ResolveCheck.check(
                TestBundles.framework(), Mailroot.systemPackagesExtra(), List.of(new ResolveCheck.Jar("test:plain:1", notABundle))));
        assertTrue(e.getMessage().contains("test:plain:1"), e.getMessage());
    }
}
