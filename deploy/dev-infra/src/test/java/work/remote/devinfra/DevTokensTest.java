package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.Base64;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    static final DevTokens TOKENS = DevTokens.generate();

    @Test
    void signsATokenThatThePublishedPublicKeyVerifies(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("jwt/publicKey.pem");
        TOKENS.writePublicKey(pem);

        JwtClaims claims = verify(TOKENS.token("lena", "cs-lead", "cs-agent"), readPem(Files.readString(pem)));

        assertThat(claims.getIssuer()).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.getSubject()).isEqualTo("lena");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("Lena");
        assertThat(claims.getClaimValueAsString("preferred_username")).isEqualTo("Lena");
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("cs-lead", "cs-agent");
        Instant expiry = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofHours(12)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));
    }

    @Test
    void publishesThePublicKeyAsPem() {
        assertThat(TOKENS.publicKeyPem())
                .startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(readPem(TOKENS.publicKeyPem())).isEqualTo(TOKENS.publicKey());
    }

    @Test
    void aTokenOfAnotherKeyPairDoesNotVerify() {
        String foreign = DevTokens.generate().token("mallory", "admin");

        assertThatThrownBy(() -> verify(foreign, TOKENS.publicKey())).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void namesTheProductsRoles() {
        assertThat(DevTokens.ROLES).containsExactly("product", "cs-lead", "cs-agent", "ops", "admin");
    }

    private static JwtClaims verify(String token, PublicKey key) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(DevTokens.ISSUER)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build()
                .processToClaims(token);
    }

    private static PublicKey readPem(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not an RSA public key", e);
        }
    }

    @Test
    void theIdAndTheDisplayNameDifferAsTheyDoAtARealIdentityProvider() throws Exception {
        assertThat(DevTokens.displayName("hana-host")).isEqualTo("Hana Host");
        assertThat(DevTokens.displayName("lena.schmidt_2")).isEqualTo("Lena Schmidt 2");

        JwtClaims claims = verify(TOKENS.token("u-7", "Lena Schmidt", Set.of("cs-lead")), TOKENS.publicKey());

        assertThat(claims.getSubject()).isEqualTo("u-7");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("Lena Schmidt");
    }
}
