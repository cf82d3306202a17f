package org.mailroot.tls;

/**
 * The configuration values, copied on the calling DS thread: the work they start runs later on
 * the TLS thread, and the Config proxy may be backed by a map that changes meanwhile.
 */
record ConfigValues(String certificate, String privateKey, String keystore, String keystorePassword,
        String protocols, String cipherSuites, String selfSignedName, int reloadCheckSeconds) {

    static ConfigValues of(TlsComponent.Config c) {
        return new ConfigValues(c.certificate(), c.privateKey(), c.keystore(), c.keystorePassword(),
                c.protocols(), c.cipherSuites(), c.selfSignedName(), c.reloadCheckSeconds());
    }

    @Override
    public String toString() {
        return "ConfigValues[certificate=" + certificate + ", keystore=" + keystore + "]"; // no password
    }
}
