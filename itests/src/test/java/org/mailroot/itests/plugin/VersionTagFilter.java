package org.mailroot.itests.plugin;

import org.mailroot.api.Envelope;
import org.mailroot.api.MessageContent;
import org.mailroot.api.SessionInfo;
import org.mailroot.api.Verdict;
import org.mailroot.api.hook.AddedHeaders;
import org.mailroot.api.hook.MessageFilter;

/**
 * The hot-swap test plugin: tags each message with the Bundle-Version of the bundle it runs in,
 * so Drop/ shows which revision handled which message. Packaged at test time by PluginJar.
 */
public final class VersionTagFilter implements MessageFilter {
    public static final String HEADER = "X-Itest-Plugin";

    private final String version;

    public VersionTagFilter(String version) {
        this.version = version;
    }

    @Override
    public Verdict filter(SessionInfo session, Envelope envelope, MessageContent content, AddedHeaders headers) {
        headers.add(HEADER, version);
        return Verdict.decline(); // no opinion: the other filters still run
    }
}
