/** One thin class per resource: parse the request, call one service, render the result. */
package dev.cogent.http.routes;
