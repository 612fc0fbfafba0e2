/**
 * Scopes: the values a request acts for, their resolution from headers (or, later, from the
 * authenticated principal), and the one matching rule every lookup uses. Imports nothing of HTTP.
 */
package dev.cogent.scope;
