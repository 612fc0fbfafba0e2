/**
 * The relational store: {@link dev.cogent.store.Database} (HikariCP + Jdbi + Flyway) over SQLite or
 * PostgreSQL, and the {@link dev.cogent.store.Dialect} seam for their few differences. Repositories
 * live in their features and own their SQL; this package imports no feature and nothing of HTTP.
 */
package dev.cogent.store;
