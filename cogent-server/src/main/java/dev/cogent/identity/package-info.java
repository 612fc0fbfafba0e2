/**
 * Identity: users with Argon2id passwords, JWT access tokens signed with a secret that is never a
 * default, API keys (stored as hashes, shown once), the time-limited super API key, and the {@link
 * dev.cogent.identity.Authenticator} that turns credentials into a {@link
 * dev.cogent.identity.Principal}. Imports nothing of HTTP; docs/security.md describes the modes.
 */
package dev.cogent.identity;
