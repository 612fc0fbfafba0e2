/**
 * The Java SDK of Cogent: {@link dev.cogent.client.CogentClient} and its typed resource APIs. It
 * depends on the JDK HttpClient and Jackson only.
 */
package dev.cogent.client;
