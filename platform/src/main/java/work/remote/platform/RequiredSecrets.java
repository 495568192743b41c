package work.remote.platform;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The secrets every service must be given outside dev and test, where {@code application.properties} has no default
 * for them. Mapped here, never read, because a mapping is checked before the service connects to anything: a missing
 * one stops the start with SmallRye Config naming its variable ("Could not expand value QUARKUS_DATASOURCE_PASSWORD in
 * property quarkus.datasource.password"), where Quarkus would otherwise try its database without a password.
 */
@Unremovable
@ConfigMapping(prefix = "remote-work.required-secrets")
public interface RequiredSecrets {

    /** {@code quarkus.datasource.password}: {@code QUARKUS_DATASOURCE_PASSWORD}. */
    @WithDefault("${quarkus.datasource.password}")
    String datasourcePassword();

    /** {@code mp.jwt.verify.publickey.location}, whose key decides whom the service trusts: {@code JWT_PUBLIC_KEY_LOCATION}. */
    @WithDefault("${mp.jwt.verify.publickey.location}")
    String jwtPublicKeyLocation();

    /** {@code mp.jwt.verify.issuer}, the one issuer whose tokens the service accepts: {@code MP_JWT_VERIFY_ISSUER}. */
    @WithDefault("${mp.jwt.verify.issuer}")
    String jwtIssuer();
}
