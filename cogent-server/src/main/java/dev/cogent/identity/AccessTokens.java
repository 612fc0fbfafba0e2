package dev.cogent.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * JWT access tokens: HS256 over {@code {"sub": <user id>, "iat", "exp", "jti"}}. Verification
 * accepts only HS256 with this server's key (never {@code alg: none} or another algorithm) and an
 * {@code exp} in the future by the injected clock. Thread-safe.
 */
public final class AccessTokens {

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final Duration ttl;
  private final InstantSource clock;

  public AccessTokens(byte[] secret, Duration ttl, InstantSource clock) {
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT secret must be at least 256 bits", e);
    }
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A signed token. */
  public record Issued(String token, Instant expiresAt) {}

  public Duration ttl() {
    return ttl;
  }

  public Issued issue(String userId) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(userId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return new Issued(jwt.serialize(), expires);
  }

  /** The user id of a valid token; empty when it is malformed, tampered with or expired. */
  public Optional<String> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      String subject = claims.getSubject();
      if (expires == null || !clock.instant().isBefore(expires.toInstant()) || subject == null) {
        return Optional.empty();
      }
      return Optional.of(subject);
    } catch (ParseException | JOSEException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
