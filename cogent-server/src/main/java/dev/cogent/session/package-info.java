/**
 * Sessions and (with the runtime) their messages, runs and event log. Imports nothing of HTTP:
 * every service method is callable from a test without a server.
 */
package dev.cogent.session;
