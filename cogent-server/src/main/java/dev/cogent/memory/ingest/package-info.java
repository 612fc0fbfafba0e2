/**
 * Document loaders: the text of txt, md, html, csv, json, pdf and docx files (jsoup, PDFBox, Apache
 * POI). Pure functions of bytes; no storage.
 */
package dev.cogent.memory.ingest;
