package dev.switchyard.transport;

import java.util.List;
import java.util.Objects;

import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceParameters;

/** What one side of a transport signals to the other: ICE credentials, candidates and DTLS fingerprint. */
public record TransportDescription(IceParameters ice, List<IceCandidate> candidates, CertificateFingerprint fingerprint) {

    public TransportDescription {
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(fingerprint, "fingerprint");
        candidates = List.copyOf(candidates);
    }
}
