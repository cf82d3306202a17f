package org.mailroot.assembler;

import aQute.bnd.osgi.resource.ResourceUtils;
import org.osgi.resource.Resource;

/** The Bundle-SymbolicName of a resource, from its osgi.identity capability. */
final class ResourceBuilderIds {
    private ResourceBuilderIds() {
    }

    static String bsn(Resource r, String id) {
        var identity = ResourceUtils.getIdentityCapability(r);
        if (identity == null) {
            throw new IllegalArgumentException(id + " has no osgi.identity");
        }
        return ResourceUtils.getIdentity(identity);
    }
}
