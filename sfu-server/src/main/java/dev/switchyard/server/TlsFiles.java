package dev.switchyard.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files of the HTTPS/WSS certificate.
 *
 * @param certificateChain the server's certificate followed by any intermediates
 * @param privateKey       its private key (PKCS#8, or PKCS#1 RSA / SEC 1 EC)
 */
public record TlsFiles(Path certificateChain, Path privateKey) {

    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
