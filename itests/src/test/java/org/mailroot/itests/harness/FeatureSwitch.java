package org.mailroot.itests.harness;

/**
 * Disables and re-enables a feature of the distribution (features/&lt;name&gt;.json) on a
 * running server with the admin command an operator uses, {@code bin/mailroot feature
 * disable|enable NAME} (the real CLI code, through {@link Admin}): disable stops and uninstalls
 * the feature's bundles and removes the configurations it wrote; enable installs them again from
 * system/ and starts them.
 */
public final class FeatureSwitch {
    private final Admin admin;
    private final String feature;

    public FeatureSwitch(InProcessServer server, String feature) {
        this.admin = new Admin(server.instance());
        this.feature = feature;
    }

    public void disable() {
        run("disable");
    }

    public void enable() {
        run("enable");
    }

    private void run(String verb) {
        Admin.Cli cli = admin.cli("feature", verb, feature);
        if (cli.exit() != 0) {
            throw new AssertionError("bin/mailroot feature " + verb + " " + feature + " failed: " + cli);
        }
    }
}
