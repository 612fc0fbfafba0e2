/**
 * Identity: users with Argon2id passwords, JWT access tokens signed with a secret that is never a
 * default, API keys (stored as hashes, shown once), the time-limited super API key, the {@link
 * dev.cogent.identity.Authenticator} that turns credentials into a {@link
 * dev.cogent.identity.Principal}; tenants and roles ({@link dev.cogent.identity.TenantService}),
 * dataset permissions with the one access check ({@link dev.cogent.identity.Permissions#check}),
 * agent identities and their connections. Imports nothing of HTTP; docs/security.md describes the
 * modes and rules.
 */
package dev.cogent.identity;
