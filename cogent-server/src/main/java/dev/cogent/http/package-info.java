/**
 * The HTTP surface: Javalin app, JSON mapping, the error envelope, request-id, scope and rate-limit
 * filters, the OpenAPI document. {@code http.routes} classes only translate: parse, call one
 * service, render. Nothing outside this package and the composition root imports it.
 */
package dev.cogent.http;
