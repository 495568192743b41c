package work.remote.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for development and tests, signed RS256 with an RSA key pair generated when this object is
 * created and never written anywhere except the public key. Services verify them with
 * {@code mp.jwt.verify.publickey} and {@code mp.jwt.verify.issuer} = {@link #ISSUER}.
 */
public final class DevTokens {

    public static final String ISSUER = "https://remote-work.local/dev";

    /** The product's roles, carried in the {@code groups} claim. */
    public static final List<String> ROLES = List.of("product", "cs-lead", "cs-agent", "ops", "admin");

    private static final Duration LIFESPAN = Duration.ofHours(12);

    private final KeyPair keyPair;

    private DevTokens(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** A new RSA-2048 key pair. */
    public static DevTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevTokens(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }

    /** Tokens signed with a key pair that already exists, e.g. the one another class loader generated. */
    static DevTokens of(KeyPair keyPair) {
        return new DevTokens(keyPair);
    }

    KeyPair keyPair() {
        return keyPair;
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    public void writePublicKey(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the public key to " + file, e);
        }
    }

    /** A token for the person with the id {@code person} and the display name {@link #displayName} of it. */
    public String token(String person, Set<String> roles) {
        return token(person, displayName(person), roles);
    }

    /**
     * A token whose {@code sub} is {@code person}, the stable id the services key ownership on, and whose {@code upn}
     * and {@code preferred_username} are {@code name}, the display name that may change, in {@code roles}; valid for
     * 12 hours. smallrye-jwt-build reads MicroProfile Config through the context class loader, so that is set to the
     * one of this class.
     */
    public String token(String person, String name, Set<String> roles) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DevTokens.class.getClassLoader());
        try {
            return Jwt.issuer(ISSUER)
                    .subject(person)
                    .upn(name)
                    .preferredUserName(name)
                    .groups(roles)
                    .expiresIn(LIFESPAN)
                    .jws()
                    .algorithm(SignatureAlgorithm.RS256)
                    .sign(keyPair.getPrivate());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public String token(String person, String... roles) {
        return token(person, Set.copyOf(Arrays.asList(roles)));
    }

    /**
     * The display name dev tokens give a person id unless told another: each word capitalised, so that it differs
     * from the id the way a real identity provider's name differs from its {@code sub} ({@code hana-host} is
     * "Hana Host").
     */
    public static String displayName(String person) {
        return Arrays.stream(person.split("[-_.]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
    }
}
