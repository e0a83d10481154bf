package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.switchyard.server.ServerConfig;
import dev.switchyard.server.TlsFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS and WSS from a PEM certificate: two Chromium pages load the demo over https://, signal over wss:// and
 * decode each other. The certificate is made for the test (openssl), and Chromium trusts exactly its key
 * ({@code --ignore-certificate-errors-spki-list}), as a deployment's browsers trust a real CA.
 */
class TlsE2eTest {

    private static final String ROOM = "e2e-tls";

    @Test
    void theDemoWorksOverHttpsAndWss() throws Exception {
        try (ScratchDirectory scratch = ScratchDirectory.create()) {
            Path certificate = scratch.path().resolve("certificate.pem");
            Path key = scratch.path().resolve("key.pem");
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", certificate.toString())
                    .redirectErrorStream(true).redirectOutput(E2eLogs.file("tls", "openssl").toFile()).start();
            assertTrue(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl made a certificate");
            List<String> trustIt = List.of("--ignore-certificate-errors-spki-list=" + spkiHash(certificate));

            ServerConfig config = ServerConfig.DEFAULTS.withTls(new TlsFiles(certificate, key));
            try (E2eServer server = E2eServer.start(config)) {
                assertEquals("https", server.http().getScheme());
                try (SfuPage ada = SfuPage.join(server.http(), ROOM, "ada", trustIt);
                     SfuPage grace = SfuPage.join(server.http(), ROOM, "grace", trustIt)) {
                    MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(List.of(ada, grace)));
                    System.out.println("E2E over " + server.http() + ": both pages decode each other");
                }
            }
        }
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the certificate's key, as Chromium's flag takes it. */
    private static String spkiHash(Path certificate) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(parsed.getPublicKey().getEncoded()));
        }
    }
}
