package dev.switchyard.sdp;

import java.util.Optional;

/** Media direction property attributes (RFC 8866 §6.7); also the optional direction of {@code a=extmap}. */
public enum Direction implements TypedAttribute {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String token;

    Direction(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Direction> fromToken(String token) {
        for (Direction direction : values()) {
            if (direction.token.equals(token)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    /** The direction seen from the other side, as an answer mirrors an offer (RFC 3264 §6.1). */
    public Direction reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case SENDRECV, INACTIVE -> this;
        };
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    @Override
    public String attributeName() {
        return token;
    }

    @Override
    public String attributeValue() {
        return null;
    }
}
