package dev.switchyard.sdp;

/**
 * A line this model does not interpret ({@code i= u= e= p= r= z= k=}), kept verbatim and written back in its
 * RFC 8866 position.
 */
public record SdpLine(char type, String value) {

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
