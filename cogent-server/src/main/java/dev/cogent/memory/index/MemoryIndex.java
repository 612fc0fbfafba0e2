package dev.cogent.memory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The vector and BM25 index of every dataset: one Lucene index per dataset under {@code root}
 * ({@code <data-dir>/memory/index/<dataset id>}), holding the {@link IndexCollection collections}
 * of that dataset. Vectors are HNSW with cosine similarity; text is BM25 over Lucene's standard
 * analyzer. Writes are committed before they return, so a search that starts after a write sees it.
 * Thread-safe: one writer per dataset is shared, searchers are acquired per query. Callers close it
 * once, at server shutdown.
 */
public final class MemoryIndex implements AutoCloseable {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final String ID = "id";
  private static final String KEY = "key";
  private static final String COLLECTION = "collection";
  private static final String TEXT = "text";
  private static final String VECTOR = "vector";

  private final Path root;
  private final Analyzer analyzer = new StandardAnalyzer();
  private final Map<String, DatasetIndex> open = new ConcurrentHashMap<>();

  public MemoryIndex(Path root) {
    this.root = root;
  }

  /** Adds the entries to a collection, replacing entries with the same ids. */
  public void upsert(String datasetId, IndexCollection collection, List<IndexEntry> entries) {
    upsert(datasetId, Map.of(collection, entries));
  }

  /**
   * Adds the entries of several collections in one commit (a commit writes and syncs segment files,
   * so one per data item rather than one per collection keeps cognify fast).
   */
  public void upsert(String datasetId, Map<IndexCollection, List<IndexEntry>> byCollection) {
    write(datasetId, Map.of(), byCollection);
  }

  /**
   * Removes the entries named in {@code deletes}, then adds those of {@code upserts} (replacing
   * entries with the same ids), with one commit for all of it: cognify writes a batch of data items
   * at a time, and a commit (segment files written and synced, then merged) per item was what made
   * it slow.
   */
  public void write(
      String datasetId,
      Map<IndexCollection, ? extends Collection<String>> deletes,
      Map<IndexCollection, List<IndexEntry>> upserts) {
    boolean noDeletes = deletes.values().stream().allMatch(Collection::isEmpty);
    if (noDeletes && upserts.values().stream().allMatch(List::isEmpty)) {
      return;
    }
    if (upserts.values().stream().allMatch(List::isEmpty) && !exists(datasetId)) {
      return;
    }
    DatasetIndex index = writable(datasetId);
    try {
      for (Map.Entry<IndexCollection, ? extends Collection<String>> collection :
          deletes.entrySet()) {
        if (!collection.getValue().isEmpty()) {
          index.writer.deleteDocuments(
              collection.getValue().stream()
                  .map(id -> new Term(KEY, key(collection.getKey(), id)))
                  .toArray(Term[]::new));
        }
      }
      for (Map.Entry<IndexCollection, List<IndexEntry>> collection : upserts.entrySet()) {
        for (IndexEntry entry : collection.getValue()) {
          index.writer.updateDocument(
              new Term(KEY, key(collection.getKey(), entry.id())),
              document(collection.getKey(), entry));
        }
      }
      index.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the index of dataset " + datasetId, e);
    }
  }

  /**
   * The ids among {@code ids} that the collection of the dataset holds an entry for, as of the last
   * write. Cognify asks this so that an entity or relation that many documents mention is embedded
   * and indexed once, not once per document.
   */
  public Set<String> present(String datasetId, IndexCollection collection, Collection<String> ids) {
    if (ids.isEmpty() || !exists(datasetId)) {
      return Set.of();
    }
    DatasetIndex index = writable(datasetId);
    try {
      IndexSearcher searcher = index.searchers.acquire();
      try {
        Set<String> present = new LinkedHashSet<>();
        for (String id : ids) {
          // A term lookup in the key field: deleted documents are not counted.
          if (searcher.count(new TermQuery(new Term(KEY, key(collection, id)))) > 0) {
            present.add(id);
          }
        }
        return present;
      } finally {
        index.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index of dataset " + datasetId, e);
    }
  }

  private static Document document(IndexCollection collection, IndexEntry entry) {
    if (entry.vector().length != Embedder.DIMENSION) {
      throw new IllegalArgumentException(
          "vector of " + entry.id() + " has " + entry.vector().length + " dimensions");
    }
    Document doc = new Document();
    doc.add(new StringField(ID, entry.id(), Field.Store.YES));
    doc.add(new StringField(KEY, key(collection, entry.id()), Field.Store.NO));
    doc.add(new StringField(COLLECTION, collection.wireName(), Field.Store.NO));
    doc.add(new TextField(TEXT, entry.text(), Field.Store.YES));
    doc.add(new KnnFloatVectorField(VECTOR, entry.vector(), VectorSimilarityFunction.COSINE));
    return doc;
  }

  /** Removes entries of a collection by id; unknown ids are ignored. */
  public void delete(String datasetId, IndexCollection collection, Collection<String> ids) {
    write(datasetId, Map.of(collection, ids), Map.of());
  }

  /** Removes everything of the dataset: its collections and its directory. */
  public void deleteDataset(String datasetId) {
    Path dir = dir(datasetId);
    DatasetIndex index = open.remove(datasetId);
    try {
      if (index != null) {
        index.close();
      }
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the index of dataset " + datasetId, e);
    }
  }

  /**
   * The {@code k} entries of the collection nearest to {@code queryVector} over these datasets,
   * best first. A dataset without an index contributes nothing.
   */
  public List<IndexHit> vectorSearch(
      Collection<String> datasetIds, IndexCollection collection, float[] queryVector, int k) {
    if (queryVector.length != Embedder.DIMENSION) {
      throw new IllegalArgumentException("query vector has " + queryVector.length + " dimensions");
    }
    Query filter = new TermQuery(new Term(COLLECTION, collection.wireName()));
    return search(
        datasetIds, collection, new KnnFloatVectorQuery(VECTOR, queryVector, k, filter), k);
  }

  /**
   * The {@code k} entries of the collection that match the words of {@code query} best (BM25) over
   * these datasets, best first. A query without words finds nothing.
   */
  public List<IndexHit> lexicalSearch(
      Collection<String> datasetIds, IndexCollection collection, String query, int k) {
    Set<String> terms = terms(query);
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms) {
      words.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
    }
    Query lucene =
        new BooleanQuery.Builder()
            .add(words.build(), BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(COLLECTION, collection.wireName())),
                BooleanClause.Occur.FILTER)
            .build();
    return search(datasetIds, collection, lucene, k);
  }

  /** How many entries the collection of the dataset holds. */
  public int count(String datasetId, IndexCollection collection) {
    if (!exists(datasetId)) {
      return 0;
    }
    DatasetIndex index = writable(datasetId);
    try {
      IndexSearcher searcher = index.searchers.acquire();
      try {
        return searcher.count(new TermQuery(new Term(COLLECTION, collection.wireName())));
      } finally {
        index.searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index of dataset " + datasetId, e);
    }
  }

  private List<IndexHit> search(
      Collection<String> datasetIds, IndexCollection collection, Query query, int k) {
    if (k <= 0) {
      return List.of();
    }
    List<IndexHit> hits = new ArrayList<>();
    for (String datasetId : new LinkedHashSet<>(datasetIds)) {
      if (!exists(datasetId)) {
        continue;
      }
      DatasetIndex index = writable(datasetId);
      try {
        IndexSearcher searcher = index.searchers.acquire();
        try {
          TopDocs top = searcher.search(query, k);
          var stored = searcher.storedFields();
          for (ScoreDoc doc : top.scoreDocs) {
            Document found = stored.document(doc.doc);
            hits.add(
                new IndexHit(datasetId, collection, found.get(ID), found.get(TEXT), doc.score));
          }
        } finally {
          index.searchers.release(searcher);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the index of dataset " + datasetId, e);
      }
    }
    hits.sort(Comparator.comparingDouble((IndexHit hit) -> hit.score()).reversed());
    return hits.size() > k ? List.copyOf(hits.subList(0, k)) : List.copyOf(hits);
  }

  private Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  private boolean exists(String datasetId) {
    return open.containsKey(datasetId) || Files.isDirectory(dir(datasetId));
  }

  private DatasetIndex writable(String datasetId) {
    return open.computeIfAbsent(datasetId, id -> DatasetIndex.open(dir(id), analyzer));
  }

  private Path dir(String datasetId) {
    if (!SAFE_ID.matcher(datasetId).matches()) {
      throw new IllegalArgumentException("not a dataset id: " + datasetId);
    }
    return root.resolve(datasetId);
  }

  private static String key(IndexCollection collection, String id) {
    return collection.wireName() + ":" + id;
  }

  @Override
  public void close() {
    for (String datasetId : List.copyOf(open.keySet())) {
      DatasetIndex index = open.remove(datasetId);
      if (index != null) {
        try {
          index.close();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot close the index of dataset " + datasetId, e);
        }
      }
    }
  }

  /** The open writer and searchers of one dataset. */
  private static final class DatasetIndex {
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    private DatasetIndex(Directory directory, IndexWriter writer, SearcherManager searchers) {
      this.directory = directory;
      this.writer = writer;
      this.searchers = searchers;
    }

    static DatasetIndex open(Path dir, Analyzer analyzer) {
      try {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
        writer.commit();
        return new DatasetIndex(directory, writer, new SearcherManager(writer, null));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the index at " + dir, e);
      }
    }

    void commit() throws IOException {
      writer.commit();
      searchers.maybeRefreshBlocking();
    }

    void close() throws IOException {
      searchers.close();
      writer.close();
      directory.close();
    }
  }
}
