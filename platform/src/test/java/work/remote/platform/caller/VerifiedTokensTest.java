package work.remote.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

import work.remote.platform.testing.TestClock;

class VerifiedTokensTest {

    private static final String ISSUER = "https://remote-work.local/test";
    private static final KeyPair SIGNING = rsaKeyPair();
    private static final KeyPair STRANGER = rsaKeyPair();

    private final TestClock clock = new TestClock();
    private final CountingVerifier verifier = new CountingVerifier();
    private VerifiedTokens tokens;

    @BeforeEach
    void remembersUpToTen() {
        tokens = new VerifiedTokens(verifier, () -> 10, clock);
    }

    @Test
    void aTokenIsVerifiedOnceAndAnsweredFromMemoryUntilItExpires() throws ParseException {
        String token = token("ali", SIGNING, Duration.ofMinutes(10));

        JsonWebToken first = tokens.parse(token);
        JsonWebToken again = tokens.parse(token);

        assertThat(verifier.verifications).hasValue(1);
        assertThat(again.getSubject()).isEqualTo("ali");
        assertThat(again).isSameAs(first);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        tokens.parse(token);
        assertThat(verifier.verifications).as("verified again once its exp passed").hasValue(2);
    }

    @Test
    void aTokenThatFailsVerificationIsCheckedAgainEveryTime() {
        String forged = token("ali", STRANGER, Duration.ofMinutes(10));

        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);

        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void aTokenAlteredAfterItWasVerifiedIsVerifiedOnItsOwn() throws ParseException {
        String token = token("ali", SIGNING, Duration.ofMinutes(10));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String otherPayload = token("admin", SIGNING, Duration.ofMinutes(10)).split("\\.")[1];
        String spliced = parts[0] + "." + otherPayload + "." + parts[2];

        assertThatThrownBy(() -> tokens.parse(spliced)).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void withNoRoomEveryRequestIsVerified() throws ParseException {
        tokens = new VerifiedTokens(verifier, () -> 0, clock);
        String token = token("ali", SIGNING, Duration.ofMinutes(10));

        tokens.parse(token);
        tokens.parse(token);

        assertThat(verifier.verifications).hasValue(2);
    }

    private static String token(String person, KeyPair keys, Duration lifetime) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(person).upn(person).groups("cs-agent")
                .issuedAt(now).expiresAt(now.plus(lifetime)).sign(keys.getPrivate());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real verifier, counting the tokens it checked. */
    private static final class CountingVerifier extends DefaultJWTParser {

        private final AtomicInteger verifications = new AtomicInteger();

        CountingVerifier() {
            super(new JWTAuthContextInfo(SIGNING.getPublic(), ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }
}
