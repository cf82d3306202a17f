package org.mailroot.assembler;

import aQute.bnd.osgi.Processor;
import aQute.bnd.osgi.repository.ResourcesRepository;
import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.osgi.resource.ResourceUtils;
import biz.aQute.resolve.BndResolver;
import biz.aQute.resolve.ResolveProcess;
import biz.aQute.resolve.ResolverLogger;
import java.nio.file.Path;
import java.util.List;
import org.osgi.resource.Resource;
import org.osgi.service.resolver.ResolutionException;

/**
 * The build-time check that a distribution's bundles resolve together, with bnd's resolver: every
 * bundle is a requirement (osgi.identity), the repository is exactly these bundles, the framework is
 * the distribution's Felix on Java 17 with the launcher's extra system packages (slf4j, logback).
 * A failure names the missing requirement and the bundle that has it.
 */
final class ResolveCheck {
    static final String EE = "JavaSE-17";

    private ResolveCheck() {
    }

    /** A bundle to check: the name in messages (its Maven id) and its jar. */
    record Jar(String id, Path file) {
    }

    /**
     * @param framework the Felix framework jar (lib/ of the distribution)
     * @param systemPackagesExtra org.osgi.framework.system.packages.extra of the launcher
     * @throws ResolveFailure naming the unresolved requirements
     */
    static void check(Path framework, String systemPackagesExtra, List<Jar> bundles) throws Exception {
        ResourcesRepository repo = new ResourcesRepository();
        repo.add(resource(framework, "framework"));
        StringBuilder requires = new StringBuilder();
        for (Jar jar : bundles) {
            Resource r = resource(jar.file(), jar.id());
            repo.add(r);
            String bsn = bsn(r, jar.id());
            if (requires.length() > 0) {
                requires.append(',');
            }
            requires.append("osgi.identity;filter:='(osgi.identity=").append(bsn).append(")'");
        }
        try (Processor run = new Processor()) {
            run.setProperty("-runfw", bsn(resource(framework, "framework"), "framework"));
            run.setProperty("-runee", EE);
            run.setProperty("-runsystempackages", systemPackagesExtra);
            run.setProperty("-runrequires", requires.toString());
            run.addBasicPlugin(repo);
            ResolverLogger logger = new ResolverLogger(ResolverLogger.LOG_ERROR);
            try {
                new ResolveProcess().resolveRequired(run, null, run, new BndResolver(logger), List.of(), logger);
            } catch (ResolutionException e) {
                // already augmented by ResolveProcess: format() names each missing requirement
                throw new ResolveFailure(ResolveProcess.format(e, false), e);
            } finally {
                logger.closeAndDeleteLogfile();
            }
        }
    }

    private static Resource resource(Path jar, String id) throws Exception {
        ResourceBuilder rb = new ResourceBuilder();
        if (!rb.addFile(jar.toFile(), jar.toUri())) {
            throw new ResolveFailure(id + " (" + jar + ") is not an OSGi bundle (no Bundle-SymbolicName)", null);
        }
        return rb.build();
    }

    /** The Bundle-SymbolicName, from the resource's osgi.identity capability. */
    private static String bsn(Resource r, String id) {
        var identity = ResourceUtils.getIdentityCapability(r);
        if (identity == null) {
            throw new IllegalArgumentException(id + " has no osgi.identity");
        }
        return ResourceUtils.getIdentity(identity);
    }

    /** The resolution failed; the message names what is missing. */
    static final class ResolveFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ResolveFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
