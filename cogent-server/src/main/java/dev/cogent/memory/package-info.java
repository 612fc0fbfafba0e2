/**
 * Knowledge-graph memory: datasets and their data items, ingestion, cognify (chunks, summaries,
 * graph extraction), the graph and its provenance, pipeline runs, forget and export. Sub-packages:
 * {@code index} (embeddings and the per-dataset Lucene index), {@code ingest} (document loaders),
 * {@code cognify} (chunking and extraction). Every dataset access goes through {@link
 * dev.cogent.identity.Permissions#check}, usually by way of {@link DatasetResolver}.
 *
 * <p>Must not import {@code dev.cogent.http} or Javalin.
 */
package dev.cogent.memory;
