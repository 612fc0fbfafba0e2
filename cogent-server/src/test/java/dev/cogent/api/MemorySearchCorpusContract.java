package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cogent.testing.Accounts;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every search type over a small corpus added and cognified through HTTP, with the scripted {@code
 * mock} model answering completions: the request fields of spec 002, permissions, history and
 * recall. One server and corpus serve the whole class (each server loads the embedding model);
 * tests only read, apart from the history they each add to. SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MemorySearchCorpusContract {

  static final String BABBAGE =
      "Charles Babbage designed the Analytical Engine in 1837. Charles Babbage lived in London.";
  static final String ADA =
      "Ada Lovelace published notes on the Analytical Engine in 1843. Ada Lovelace admired Charles"
          + " Babbage.";
  static final String RULES = "Use final classes for services.\nNever log secrets.";
  static final String HOPPER = "Grace Hopper wrote the first compiler in 1952.";
  static final String BOB_SECRET = "Bob Jones manages Initech Corp.";

  /** The completion types whose answer prompt holds their {@code only_context} context. */
  static final List<String> ONE_CALL_COMPLETION_TYPES =
      List.of(
          "RAG_COMPLETION",
          "HYBRID_COMPLETION",
          "TRIPLET_COMPLETION",
          "GRAPH_COMPLETION",
          "GRAPH_COMPLETION_COT",
          "GRAPH_COMPLETION_CONTEXT_EXTENSION",
          "TEMPORAL");

  static final List<String> COMPLETION_TYPES =
      Stream.concat(
              ONE_CALL_COMPLETION_TYPES.stream(),
              Stream.of("GRAPH_COMPLETION_DECOMPOSITION", "GRAPH_SUMMARY_COMPLETION"))
          .toList();

  @TempDir static Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  Accounts accounts;
  String alice;
  String bob;
  String history;
  String misc;
  String bobs;

  abstract DatabaseKind kind();

  @BeforeAll
  void start() {
    server = TestServer.start(kind(), dir, Map.of("COGENT_REQUIRE_AUTHENTICATION", "true"), clock);
    accounts = new Accounts(server);
    accounts.register("admin@example.com");
    alice = accounts.registerAndBearer("alice@example.com");
    bob = accounts.registerAndBearer("bob@example.com");
    ok(
        post(
            alice,
            "/models/providers",
            "{\"id\": \"scripted\", \"provider\": \"mock\", \"model\": \"scripted\"}"));
    history = add(alice, "history", BABBAGE, "engines");
    add(alice, "history", ADA, "notes");
    add(alice, "history", RULES, "coding_agent_rules");
    misc = add(alice, "misc", HOPPER, "people");
    bobs = add(bob, "secret", BOB_SECRET, "people");
    ok(post(alice, "/api/v1/cognify", "{\"datasets\": [\"history\", \"misc\"]}"));
    ok(post(bob, "/api/v1/cognify", "{\"datasets\": [\"secret\"]}"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  // ---- the retrieval types ----

  @Test
  void chunks_are_ranked_by_meaning_and_top_k_caps_them() {
    JsonNode one = only(search("CHUNKS", "Who designed the Analytical Engine?", "\"top_k\": 1"));
    JsonNode two = only(search("CHUNKS", "Who designed the Analytical Engine?", "\"top_k\": 2"));

    assertThat(one.path("dataset_id").asText()).isEqualTo(history);
    assertThat(one.path("search_result")).hasSize(1);
    JsonNode best = one.path("search_result").get(0);
    assertThat(best.path("text").asText()).isEqualTo(BABBAGE);
    assertThat(best.path("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(best.has("document_id")).isTrue();
    assertThat(best.has("chunk_index")).isTrue();
    assertThat(two.path("search_result")).hasSize(2);
  }

  @Test
  void chunks_lexical_ranks_exact_words_with_bm25() {
    JsonNode result = only(search("CHUNKS_LEXICAL", "Lovelace", "\"top_k\": 5"));

    assertThat(texts(result.path("search_result"))).containsExactly(ADA);
  }

  @Test
  void summaries_are_searched_by_meaning() {
    JsonNode result = only(search("SUMMARIES", "notes on the engine", "\"top_k\": 3"));

    assertThat(result.path("search_result")).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    for (JsonNode summary : result.path("search_result")) {
      assertThat(summary.path("text").asText()).isNotBlank();
      assertThat(summary.path("chunk_id").asText()).isNotBlank();
    }
  }

  @Test
  void graph_completion_is_the_default_and_only_context_returns_the_graph_context() {
    JsonNode result =
        only(
            ok(
                post(
                    alice,
                    "/api/v1/search",
                    "{\"datasets\": [\"history\"], \"query\": \"Who designed the Analytical"
                        + " Engine?\", \"only_context\": true, \"verbose\": true}")));

    assertThat(result.path("search_type").asText()).isEqualTo("GRAPH_COMPLETION");
    String context = result.path("context_result").asText();
    assertThat(context).contains("Nodes:", "Connections:", "Charles Babbage --[designed]-->");
    assertThat(result.path("text_result")).isEmpty();
  }

  @Test
  void only_context_is_exactly_the_context_the_model_would_be_sent() {
    // Without script lines the mock echoes its prompt, so the answer shows what was sent.
    // DECOMPOSITION and SUMMARY send other prompts than their context (subanswers, a summary).
    for (String type : ONE_CALL_COMPLETION_TYPES) {
      String query = "Who designed the Analytical Engine?";
      String context =
          only(search(type, query, "\"only_context\": true")).path("search_result").asText();
      String answer = only(search(type, query, "")).path("search_result").get(0).asText();

      assertThat(context).as(type).isNotBlank();
      assertThat(words(answer)).as(type).startsWith("Echo:").contains(words(context));
    }
  }

  @Test
  void each_completion_type_returns_the_model_answer() {
    for (String type : COMPLETION_TYPES) {
      JsonNode result =
          only(search(type, "Who designed the Analytical Engine?\n/reply Charles Babbage.", ""));

      assertThat(result.path("search_result")).as(type).hasSize(1);
      assertThat(result.path("search_result").get(0).asText())
          .as(type)
          .isEqualTo("Charles Babbage.");
    }
  }

  @Test
  void completion_contexts_have_each_type_s_shape() {
    String rag = context("RAG_COMPLETION", "Who designed the Analytical Engine?");
    String hybrid = context("HYBRID_COMPLETION", "Who designed the Analytical Engine?");
    String triplet = context("TRIPLET_COMPLETION", "Who designed the Analytical Engine?");
    String summary = context("GRAPH_SUMMARY_COMPLETION", "Who designed the Analytical Engine?");
    String temporal = context("TEMPORAL", "What happened between 1840 and 1850?");

    assertThat(rag).contains(BABBAGE);
    assertThat(hybrid).contains("## Relevant passages", "## Relevant entities", "## Related facts");
    assertThat(triplet).contains("Charles Babbage -- designed -- ");
    assertThat(summary).contains("Connections:");
    assertThat(temporal).contains("1843").doesNotContain("1837");
  }

  @Test
  void feeling_lucky_runs_the_type_the_model_names() {
    JsonNode result = only(search("FEELING_LUCKY", "/reply CHUNKS_LEXICAL", "\"verbose\": true"));

    assertThat(result.path("search_type").asText()).isEqualTo("CHUNKS_LEXICAL");
  }

  @Test
  void coding_rules_lists_the_rules_of_the_node_set_without_a_model() {
    JsonNode result =
        only(
            search(
                "CODING_RULES",
                "/fail the model must not be called",
                "\"node_name\": [\"coding_agent_rules\"]"));

    assertThat(texts(result.path("search_result")).toString())
        .contains("Use final classes for services", "Never log secrets");
    assertThat(result.path("search_result").toString()).doesNotContain("Babbage");
  }

  @Test
  void agentic_completion_calls_memory_search_then_answers() {
    JsonNode result =
        only(
            search(
                "AGENTIC_COMPLETION",
                "Who designed it?\n/tool memory_search {\"query\": \"Analytical Engine\"}\n"
                    + "/reply Babbage designed it.",
                "\"tools\": [\"memory_search\"], \"max_iter\": 3"));

    assertThat(result.path("search_result").get(0).asText()).isEqualTo("Babbage designed it.");
  }

  @Test
  void agentic_completion_is_an_agent_run_whose_recall_tool_searches_only_the_searched_dataset() {
    JsonNode result =
        only(
            search(
                "AGENTIC_COMPLETION",
                "Who wrote notes?\n/tool recall {\"query\": \"Lovelace\", \"search_type\":"
                    + " \"CHUNKS_LEXICAL\"}\n/tool recall {\"query\": \"compiler\","
                    + " \"search_type\": \"CHUNKS_LEXICAL\"}\n/reply Ada Lovelace.",
                "\"verbose\": true"));

    assertThat(result.path("text_result").get(0).asText()).isEqualTo("Ada Lovelace.");
    JsonNode steps = result.path("objects_result");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).path("tool").asText()).isEqualTo("recall");
    JsonNode found = parse(steps.get(0).path("output").asText());
    assertThat(texts(found)).containsExactly(ADA);
    assertThat(found.get(0).path("dataset_id").asText()).isEqualTo(history);
    // Grace Hopper is in alice's other dataset: the run's recall keeps to the searched one.
    assertThat(steps.get(1).path("output").asText()).isEqualTo("[]");
    assertThat(result.path("context_result").asText()).contains("Ada Lovelace");
  }

  @Test
  void agentic_completion_gives_the_run_the_system_prompt_skills_and_exactly_the_named_tools() {
    ok(
        post(
            alice,
            "/skills",
            "{\"name\": \"historian\", \"content\": \"---\\nname: historian\\ndescription:"
                + " Dates every answer\\n---\\nGive the year of each event.\"}"));

    String seen =
        only(search(
                "AGENTIC_COMPLETION",
                "/inspect",
                "\"system_prompt\": \"You are a careful archivist.\", \"skills\":"
                    + " [\"historian\"], \"tools\": [\"recall\", \"ls\"]"))
            .path("search_result")
            .get(0)
            .asText();
    String defaults =
        only(search("AGENTIC_COMPLETION", "/inspect", "")).path("search_result").get(0).asText();

    assertThat(seen)
        .startsWith("system: You are a careful archivist.")
        .contains("- historian: Dates every answer (/skills/api/historian/SKILL.md)")
        .contains("| tools: ls,read_file,recall,write_todos |");
    assertThat(defaults)
        .startsWith("system: Answer the question using the provided context.")
        .contains("| tools: memory_search,recall,write_todos |");
  }

  @Test
  void agentic_completion_reads_a_skill_through_the_run_s_read_file_tool() {
    ok(
        post(
            alice,
            "/skills",
            "{\"name\": \"chronicler\", \"content\": \"---\\nname: chronicler\\ndescription:"
                + " Tells dates\\n---\\nAlways give the year.\"}"));

    JsonNode result =
        only(
            search(
                "AGENTIC_COMPLETION",
                "/tool read_file {\"file_path\": \"/skills/api/chronicler/SKILL.md\"}\n/reply 1837",
                "\"skills\": [\"chronicler\"], \"verbose\": true"));

    assertThat(result.path("objects_result").get(0).path("output").asText())
        .contains("Always give the year.");
    assertThat(result.path("text_result").get(0).asText()).isEqualTo("1837");
  }

  @Test
  void agentic_completion_max_iter_is_the_run_s_recursion_limit() {
    HttpResponse<String> limited =
        post(
            alice,
            "/api/v1/search",
            "{\"search_type\": \"AGENTIC_COMPLETION\", \"datasets\": [\"history\"], \"query\": "
                + quote("/tool memory_search {\"query\": \"engine\"}\n/reply late")
                + ", \"max_iter\": 1}");
    JsonNode enough =
        only(
            search(
                "AGENTIC_COMPLETION",
                "/tool memory_search {\"query\": \"engine\"}\n/reply in time",
                "\"max_iter\": 2"));

    assertThat(limited.statusCode()).as(limited.body()).isEqualTo(409);
    assertThat(limited.body()).contains("recursion limit of 1");
    assertThat(enough.path("search_result").get(0).asText()).isEqualTo("in time");
  }

  @Test
  void agentic_completion_rejects_unknown_tools_and_skills_with_422() {
    HttpResponse<String> tool =
        post(
            alice,
            "/api/v1/search",
            "{\"search_type\": \"AGENTIC_COMPLETION\", \"datasets\": [\"history\"], \"query\":"
                + " \"x\", \"tools\": [\"recall\", \"no_such_tool\"]}");
    HttpResponse<String> skill =
        post(
            alice,
            "/api/v1/search",
            "{\"search_type\": \"AGENTIC_COMPLETION\", \"datasets\": [\"history\"], \"query\":"
                + " \"x\", \"skills\": [\"no_such_skill\"]}");

    assertThat(tool.statusCode()).as(tool.body()).isEqualTo(422);
    assertThat(tool.body()).contains("no_such_tool");
    assertThat(skill.statusCode()).as(skill.body()).isEqualTo(422);
    assertThat(skill.body()).contains("no_such_skill");
  }

  @Test
  void agentic_completion_searches_exactly_one_dataset_and_only_context_starts_no_run() {
    HttpResponse<String> both =
        post(
            alice,
            "/api/v1/search",
            "{\"search_type\": \"AGENTIC_COMPLETION\", \"query\": \"/reply hi\"}");
    String context =
        only(search(
                "AGENTIC_COMPLETION",
                "Who designed the Analytical Engine?\n/fail no run may start",
                "\"only_context\": true"))
            .path("search_result")
            .asText();

    assertThat(both.statusCode()).as(both.body()).isEqualTo(422);
    assertThat(both.body()).contains("exactly one dataset");
    assertThat(context).contains("Nodes:", "Charles Babbage");
  }

  @Test
  void agentic_completion_leaves_no_session_behind() {
    only(search("AGENTIC_COMPLETION", "/reply nothing to keep", ""));

    JsonNode sessions = ok(server.get("/sessions", "Authorization", alice));
    assertThat(sessions.toString()).doesNotContain("agent_task").doesNotContain("AGENTIC");
  }

  @Test
  void cypher_and_natural_language_are_422_even_with_a_cognified_graph() {
    for (String type : List.of("CYPHER", "NATURAL_LANGUAGE")) {
      HttpResponse<String> response =
          post(
              alice,
              "/api/v1/search",
              "{\"search_type\": \"" + type + "\", \"query\": \"MATCH (n) RETURN n\"}");

      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(response.body()).contains("graph-query (Cypher) backend");
    }
  }

  // ---- request fields ----

  @Test
  void system_prompt_reaches_the_model_and_has_the_anchor_default() {
    String custom =
        only(search("RAG_COMPLETION", "/inspect", "\"system_prompt\": \"Answer like a pirate.\""))
            .path("search_result")
            .get(0)
            .asText();
    String standard =
        only(search("RAG_COMPLETION", "/inspect", "")).path("search_result").get(0).asText();

    assertThat(custom).startsWith("system: Answer like a pirate. |");
    assertThat(standard)
        .startsWith("system: Answer the question using the provided context. Be as brief");
  }

  @Test
  void include_references_appends_the_evidence_chunks() {
    String answer =
        only(search(
                "RAG_COMPLETION",
                "Who designed it?\n/reply Charles Babbage designed the Analytical Engine.",
                "\"include_references\": true"))
            .path("search_result")
            .get(0)
            .asText();

    assertThat(answer)
        .startsWith("Charles Babbage designed the Analytical Engine.\n\nEvidence:\n- ")
        .contains(BABBAGE);
  }

  @Test
  void verbose_returns_the_answer_the_context_and_the_objects() {
    JsonNode result =
        only(
            search(
                "TRIPLET_COMPLETION",
                "Who designed the Analytical Engine?\n/reply Babbage.",
                "\"verbose\": true"));

    assertThat(result.has("search_result")).isFalse();
    assertThat(result.path("search_type").asText()).isEqualTo("TRIPLET_COMPLETION");
    assertThat(result.path("text_result").get(0).asText()).isEqualTo("Babbage.");
    assertThat(result.path("context_result").asText()).contains("-- designed --");
    assertThat(result.path("objects_result")).isNotEmpty();
    assertThat(result.path("objects_result").toString()).contains("\"relationship_name\"");
  }

  @Test
  void node_name_keeps_only_what_data_of_those_node_sets_produced() {
    JsonNode chunks =
        only(search("CHUNKS", "Analytical Engine", "\"node_name\": [\"notes\"], \"top_k\": 10"));
    String graph =
        only(search(
                "GRAPH_COMPLETION",
                "Analytical Engine",
                "\"node_name\": [\"notes\"], \"only_context\": true"))
            .path("search_result")
            .asText();

    assertThat(texts(chunks.path("search_result"))).containsExactly(ADA);
    assertThat(graph).contains("Ada Lovelace").doesNotContain("--[designed]-->");
  }

  @Test
  void dataset_ids_win_over_dataset_names_and_no_selection_searches_every_readable_dataset() {
    JsonNode both =
        ok(
            post(
                alice,
                "/api/v1/search",
                "{\"search_type\": \"CHUNKS\", \"datasets\": [\"misc\"], \"dataset_ids\": [\""
                    + history
                    + "\"], \"query\": \"compiler\"}"));
    JsonNode byName =
        only(
            ok(
                post(
                    alice,
                    "/api/v1/search",
                    "{\"search_type\": \"CHUNKS\", \"datasets\": [\"misc\"], \"query\":"
                        + " \"compiler\"}")));
    JsonNode every =
        ok(post(alice, "/api/v1/search", "{\"search_type\": \"CHUNKS\", \"query\": \"compiler\"}"));

    assertThat(both).hasSize(1);
    assertThat(both.get(0).path("dataset_id").asText()).isEqualTo(history);
    assertThat(byName.path("dataset_id").asText()).isEqualTo(misc);
    assertThat(texts(byName.path("search_result"))).containsExactly(HOPPER);
    List<String> names = new ArrayList<>();
    every.forEach(result -> names.add(result.path("dataset_name").asText()));
    assertThat(names).containsExactlyInAnyOrder("history", "misc");
  }

  @Test
  void another_user_s_dataset_is_403_for_search_and_recall() {
    String body = "{\"search_type\": \"CHUNKS\", \"dataset_ids\": [\"" + bobs + "\"]}";

    HttpResponse<String> search = post(alice, "/api/v1/search", body);
    HttpResponse<String> recall = post(alice, "/api/v1/recall", body);

    assertThat(search.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(search).path("code").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(recall.statusCode()).isEqualTo(403);
    assertThat(texts(only(ok(post(bob, "/api/v1/search", body))).path("search_result")))
        .containsExactly(BOB_SECRET);
    // Without a selection each user searches only what they may read.
    assertThat(ok(post(bob, "/api/v1/search", "{\"search_type\": \"CHUNKS\"}"))).hasSize(1);
  }

  @Test
  void the_history_lists_the_caller_s_own_searches_newest_first() {
    clock.advance(Duration.ofMinutes(1));
    search("CHUNKS", "history probe one", "");
    clock.advance(Duration.ofMinutes(1));
    ok(
        post(
            alice,
            "/api/v1/recall",
            "{\"search_type\": \"CHUNKS_LEXICAL\", \"datasets\": [\"history\"], \"query\":"
                + " \"history probe two Lovelace\"}"));

    JsonNode mine = ok(server.get("/api/v1/search", "Authorization", alice));
    JsonNode bobs = ok(server.get("/api/v1/search", "Authorization", bob));

    List<String> texts = new ArrayList<>();
    mine.forEach(entry -> texts.add(entry.path("text").asText()));
    assertThat(texts).containsSubsequence("history probe two Lovelace", "history probe one");
    JsonNode two = mine.get(texts.indexOf("history probe two Lovelace"));
    assertThat(two.path("searchType").asText()).isEqualTo("CHUNKS_LEXICAL");
    assertThat(two.path("datasetId").asText()).isEqualTo(history);
    assertThat(two.path("result").asText()).contains("Ada Lovelace");
    assertThat(bobs.toString()).doesNotContain("history probe");
  }

  // ---- recall ----

  @Test
  void recall_with_an_explicit_type_flattens_chunks_into_scored_items() {
    JsonNode items =
        ok(
            post(
                alice,
                "/api/v1/recall",
                "{\"search_type\": \"CHUNKS\", \"datasets\": [\"history\"], \"query\": \"Who"
                    + " designed the Analytical Engine?\", \"top_k\": 2}"));

    assertThat(items).hasSize(2);
    JsonNode best = items.get(0);
    assertThat(best.path("source").asText()).isEqualTo("graph");
    assertThat(best.path("kind").asText()).isEqualTo("chunk");
    assertThat(best.path("search_type").asText()).isEqualTo("CHUNKS");
    assertThat(best.path("text").asText()).isEqualTo(BABBAGE);
    assertThat(best.path("score").asDouble()).isGreaterThan(items.get(1).path("score").asDouble());
    assertThat(best.path("dataset_id").asText()).isEqualTo(history);
    assertThat(best.path("dataset_name").asText()).isEqualTo("history");
  }

  @Test
  void recall_without_a_type_is_a_graph_completion() {
    JsonNode items =
        ok(
            post(
                alice,
                "/api/v1/recall",
                "{\"datasets\": [\"history\"], \"query\": \"Who?\\n/reply Charles Babbage.\"}"));

    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("kind").asText()).isEqualTo("graph_completion");
    assertThat(items.get(0).path("text").asText()).isEqualTo("Charles Babbage.");
    assertThat(items.get(0).path("raw").asText()).contains("Connections:");
    assertThat(items.get(0).path("score").isNull()).isTrue();
  }

  @Test
  void recall_with_a_null_type_routes_the_query_by_rules() {
    JsonNode temporal =
        ok(
            post(
                alice,
                "/api/v1/recall",
                "{\"search_type\": null, \"datasets\": [\"history\"], \"query\": \"What happened"
                    + " between 1840 and 1850?\", \"only_context\": true}"));
    JsonNode lexical =
        ok(
            post(
                alice,
                "/api/v1/recall",
                "{\"search_type\": null, \"dataset_ids\": [\""
                    + history
                    + "\"], \"query\": \"\\\"Ada Lovelace\\\"\"}"));

    assertThat(temporal).hasSize(1);
    assertThat(temporal.get(0).path("search_type").asText()).isEqualTo("TEMPORAL");
    assertThat(temporal.get(0).path("kind").asText()).isEqualTo("temporal");
    assertThat(temporal.get(0).path("text").asText()).contains("1843");
    assertThat(temporal.get(0).path("metadata").path("routed").asBoolean()).isTrue();
    assertThat(lexical).isNotEmpty();
    assertThat(lexical.get(0).path("search_type").asText()).isEqualTo("CHUNKS_LEXICAL");
    assertThat(lexical.get(0).path("kind").asText()).isEqualTo("chunk");
    assertThat(lexical.get(0).path("text").asText()).isEqualTo(ADA);
    assertThat(lexical.get(0).path("score").asDouble()).isPositive();
    assertThat(lexical.get(0).path("metadata").path("route_reasons").toString()).isNotEqualTo("[]");
  }

  // ---- the agents' recall tool ----

  @Test
  void the_recall_tool_searches_the_session_owner_s_datasets() {
    List<Frame> frames =
        toolRun(
            alice,
            "/tool recall {\"query\": \"Who designed the Analytical Engine?\", \"search_type\":"
                + " \"CHUNKS\", \"datasets\": [\"history\"], \"top_k\": 2}\n/reply done");

    JsonNode result = toolResult(frames);
    assertThat(result.path("exit_code").asInt()).as(result.toString()).isZero();
    JsonNode items = parse(result.path("output").asText());
    assertThat(items).hasSize(2);
    assertThat(items.get(0).path("text").asText()).isEqualTo(BABBAGE);
    assertThat(items.get(0).path("kind").asText()).isEqualTo("chunk");
    assertThat(items.get(0).path("dataset_id").asText()).isEqualTo(history);
    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
  }

  @Test
  void the_recall_tool_routes_a_query_without_a_type_and_keeps_to_the_owner_s_permissions() {
    JsonNode routed =
        toolResult(toolRun(alice, "/tool recall {\"query\": \"\\\"Ada Lovelace\\\"\"}\n/reply ok"));
    JsonNode denied =
        toolResult(
            toolRun(
                bob,
                "/tool recall {\"query\": \"engine\", \"dataset_ids\": [\""
                    + history
                    + "\"]}\n/reply ok"));
    JsonNode own =
        toolResult(
            toolRun(bob, "/tool recall {\"query\": \"Initech\", \"search_type\": \"CHUNKS\"}"));

    JsonNode items = parse(routed.path("output").asText());
    assertThat(items.get(0).path("search_type").asText()).isEqualTo("CHUNKS_LEXICAL");
    assertThat(items.get(0).path("text").asText()).isEqualTo(ADA);
    assertThat(denied.path("exit_code").asInt()).isEqualTo(1);
    assertThat(denied.path("output").asText()).startsWith("Error: ").doesNotContain("Babbage");
    assertThat(texts(parse(own.path("output").asText()))).containsExactly(BOB_SECRET);
  }

  @Test
  void the_recall_tool_does_not_start_an_agentic_search_from_inside_a_run() {
    JsonNode refused =
        toolResult(
            toolRun(
                alice,
                "/tool recall {\"query\": \"engine\", \"search_type\":"
                    + " \"AGENTIC_COMPLETION\", \"datasets\": [\"history\"]}\n/reply ok"));

    assertThat(refused.path("exit_code").asInt()).isEqualTo(1);
    assertThat(refused.path("output").asText())
        .contains("search_type must be one of")
        .doesNotContain("AGENTIC_COMPLETION");
  }

  @Test
  void the_remember_tool_stores_a_text_that_recall_then_finds() {
    String carol = accounts.registerAndBearer("carol@example.com");

    List<Frame> frames =
        toolRun(
            carol,
            "/tool remember {\"text\": \"Marie Curie discovered polonium in 1898.\", \"dataset\":"
                + " \"notebook\", \"node_set\": [\"science\"]}\n"
                + "/tool recall {\"query\": \"polonium\", \"search_type\": \"CHUNKS_LEXICAL\","
                + " \"node_name\": [\"science\"]}\n/reply ok");

    List<JsonNode> results =
        frames.stream()
            .filter(frame -> frame.event().equals("tool_result"))
            .map(Frame::data)
            .toList();
    assertThat(results).hasSize(2);
    assertThat(results.get(0).path("exit_code").asInt()).as(results.get(0).toString()).isZero();
    JsonNode stored = parse(results.get(0).path("output").asText());
    assertThat(stored.path("status").asText()).isEqualTo("completed");
    assertThat(stored.path("dataset_name").asText()).isEqualTo("notebook");
    JsonNode found = parse(results.get(1).path("output").asText());
    assertThat(texts(found)).containsExactly("Marie Curie discovered polonium in 1898.");
    assertThat(found.get(0).path("dataset_id").asText())
        .isEqualTo(stored.path("dataset_id").asText());
    // It is the owner's memory, not anyone else's.
    assertThat(
            ok(post(
                    alice,
                    "/api/v1/search",
                    "{\"search_type\": \"CHUNKS\", \"query\":" + " \"polonium\"}"))
                .toString())
        .doesNotContain("Marie Curie");
  }

  private List<Frame> toolRun(String bearer, String script) {
    HttpResponse<String> created =
        server.post(
            "/sessions",
            "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted\"}}",
            "Authorization",
            bearer);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String sessionId = TestServer.json(created).path("id").asText();
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": " + quote(script) + "}",
            "Authorization",
            bearer)) {
      return stream.readToEnd(Duration.ofSeconds(60));
    }
  }

  private static JsonNode toolResult(List<Frame> frames) {
    return frames.stream()
        .filter(frame -> frame.event().equals("tool_result"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool_result in " + frames))
        .data();
  }

  // ---- helpers ----

  /** Alice's search of her {@code history} dataset; {@code extra} is more JSON fields or empty. */
  private JsonNode search(String type, String query, String extra) {
    String body =
        "{\"search_type\": \""
            + type
            + "\", \"datasets\": [\"history\"], \"query\": "
            + quote(query)
            + (extra.isEmpty() ? "" : ", " + extra)
            + "}";
    return ok(post(alice, "/api/v1/search", body));
  }

  private String context(String type, String query) {
    return only(search(type, query, "\"only_context\": true")).path("search_result").asText();
  }

  private static JsonNode only(JsonNode results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static List<String> texts(JsonNode payloads) {
    List<String> texts = new ArrayList<>();
    payloads.forEach(p -> texts.add(p.isTextual() ? p.asText() : p.path("text").asText()));
    return texts;
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static String quote(String text) {
    return JsonNodeFactory.instance.textNode(text).toString();
  }

  private static String words(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private String add(String bearer, String dataset, String text, String nodeSet) {
    return ok(post(
            bearer,
            "/api/v1/add",
            "{\"data\": "
                + quote(text)
                + ", \"datasetName\": \""
                + dataset
                + "\", \"node_set\": [\""
                + nodeSet
                + "\"]}"))
        .path("dataset_id")
        .asText();
  }

  private HttpResponse<String> post(String bearer, String path, String body) {
    return server.post(path, body, "Authorization", bearer);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return TestServer.json(response);
  }
}
