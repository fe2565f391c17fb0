package dev.appdb.application.importing;

/**
 * An identity an imported user has at an identity provider, as text read from the source (the
 * domain rules are applied by {@link ImportUsers}).
 *
 * @param issuer issuer URL or provider alias, e.g. Keycloak's {@code identityProvider}
 * @param subject the user's id at that issuer, e.g. Keycloak's {@code userId}
 */
public record ExternalIdentity(String issuer, String subject) {}
