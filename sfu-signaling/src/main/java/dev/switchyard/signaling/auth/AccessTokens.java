package dev.switchyard.signaling.auth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.switchyard.conference.TrackSource;

/**
 * Mints and verifies access tokens: JWTs (RFC 7519) signed with HS256 under one server key. The claims are
 * {@code sub} (identity), {@code name} (optional display name), {@code room}, {@code nbf}, {@code exp} and
 * {@code grants}: {@code {"publish": [sources], "subscribe": bool, "data": bool, "admin": bool}}, where an absent
 * field grants nothing; a token without {@code grants} has a participant's usual ones ({@link Grants#PARTICIPANT}).
 * Only HS256 is accepted, whatever the token's header claims.
 */
public final class AccessTokens {

    /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2). */
    public static final int MIN_KEY_BYTES = 32;
    /** Clocks of the minting service and this server may disagree by this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final JWSVerifier verifier;
    private final Clock clock;

    /** @throws IllegalArgumentException for a key shorter than {@link #MIN_KEY_BYTES} */
    public AccessTokens(byte[] key, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token key must have at least " + MIN_KEY_BYTES + " bytes, got "
                    + key.length);
        }
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable token key: " + e.getMessage(), e);
        }
        this.clock = clock;
    }

    /** The compact form (header.payload.signature) of a token with these claims. */
    public String mint(AccessToken token) {
        Map<String, Object> grants = new LinkedHashMap<>();
        grants.put("publish", token.grants().publishSources().stream().map(TrackSource::wireName).toList());
        grants.put("subscribe", token.grants().subscribe());
        grants.put("data", token.grants().data());
        grants.put("admin", token.grants().admin());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(token.identity())
                .claim("room", token.room())
                .claim("grants", grants)
                .issueTime(Date.from(clock.instant()))
                .notBeforeTime(Date.from(token.notBefore()))
                .expirationTime(Date.from(token.expiry()));
        if (token.name() != null) {
            claims.claim("name", token.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token signed with this server's key and valid now. */
    public AccessToken verify(String compact) throws InvalidTokenException {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(compact);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("only HS256 tokens are accepted, not " + jwt.getHeader().getAlgorithm());
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("cannot check the signature: " + e.getMessage());
        }
        Instant now = clock.instant();
        Instant expiry = instant(claims.getExpirationTime(), "exp");
        if (!now.isBefore(expiry.plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("expired at " + expiry);
        }
        Instant notBefore = claims.getNotBeforeTime() == null ? Instant.EPOCH : claims.getNotBeforeTime().toInstant();
        if (now.plus(CLOCK_SKEW).isBefore(notBefore)) {
            throw new InvalidTokenException("not valid before " + notBefore);
        }
        try {
            String identity = claims.getSubject();
            String room = claims.getStringClaim("room");
            if (identity == null || identity.isEmpty() || room == null || room.isEmpty()) {
                throw new InvalidTokenException("the token names no identity (sub) or no room");
            }
            Map<String, Object> grants = claims.getJSONObjectClaim("grants");
            return new AccessToken(identity, claims.getStringClaim("name"), room,
                    grants == null ? Grants.PARTICIPANT : grants(grants), notBefore, expiry);
        } catch (ParseException e) {
            throw new InvalidTokenException("ill-typed claim: " + e.getMessage());
        }
    }

    private static Instant instant(Date date, String claim) throws InvalidTokenException {
        if (date == null) {
            throw new InvalidTokenException("the token has no " + claim + " claim");
        }
        return date.toInstant();
    }

    private static Grants grants(Map<String, Object> claim) throws InvalidTokenException {
        Set<TrackSource> sources = EnumSet.noneOf(TrackSource.class);
        Object publish = claim.get("publish");
        if (publish != null) {
            if (!(publish instanceof List<?> names)) {
                throw new InvalidTokenException("grants.publish must be a list of sources");
            }
            for (Object name : names) {
                TrackSource source = name instanceof String text ? TrackSource.fromWireName(text) : null;
                if (source == null) {
                    throw new InvalidTokenException("grants.publish names an unknown source: " + name);
                }
                sources.add(source);
            }
        }
        return new Grants(sources, flag(claim, "subscribe"), flag(claim, "data"), flag(claim, "admin"));
    }

    private static boolean flag(Map<String, Object> claim, String name) throws InvalidTokenException {
        Object value = claim.get(name);
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidTokenException("grants." + name + " must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    /** Parses a grant list as the token command takes it: comma-separated sources and the words subscribe, data, admin. */
    public static Grants parseGrants(String list) {
        Set<TrackSource> sources = EnumSet.noneOf(TrackSource.class);
        boolean subscribe = false;
        boolean data = false;
        boolean admin = false;
        List<String> unknown = new ArrayList<>();
        for (String word : list.split(",")) {
            String grant = word.trim();
            switch (grant) {
                case "" -> { }
                case "publish" -> sources.addAll(EnumSet.allOf(TrackSource.class));
                case "subscribe" -> subscribe = true;
                case "data" -> data = true;
                case "admin" -> admin = true;
                default -> {
                    TrackSource source = TrackSource.fromWireName(grant);
                    if (source == null) {
                        unknown.add(grant);
                    } else {
                        sources.add(source);
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown grants " + unknown + "; use publish, camera, microphone,"
                    + " screen, screen_audio, subscribe, data, admin");
        }
        return new Grants(sources, subscribe, data, admin);
    }
}
