package dev.cogent.memory.search;

/**
 * The prompts of the completion search types, after the anchor's prompt files (research §2). The
 * question always stands on lines of its own, so the scripted {@code mock} model reads script lines
 * of a query ({@code /reply …}) as it would in a session.
 */
final class Prompts {

  /** {@code answer_simple_question.txt}: the system prompt unless the request gives one. */
  static final String ANSWER_SIMPLE_QUESTION =
      "Answer the question using the provided context. Be as brief as possible.";

  /** The anchor's default query when a request gives none. */
  static final String DEFAULT_QUERY = "What is in the document?";

  static final String SUMMARIZE_SYSTEM =
      "You are a summarization engine. Eliminate redundancies from the input and summarize it into"
          + " natural sentences, listing all relationships.";

  static final String DECOMPOSE_SYSTEM =
      "Decompose the user's question into 1 to 5 focused retrieval subqueries. Answer with a JSON"
          + " array of strings only.";

  static final String COT_VALIDATION_SYSTEM =
      "You check an answer against its context. Say briefly what information is missing to answer"
          + " the question fully.";

  static final String COT_FOLLOWUP_SYSTEM =
      "Given a question, an answer and what is missing, ask exactly one follow-up question that"
          + " would retrieve the missing information. Answer with the question only.";

  static final String SELECT_TYPE_SYSTEM =
      "Classify the query into the best search type. Answer with one word, one of: SUMMARIES,"
          + " CHUNKS, RAG_COMPLETION, HYBRID_COMPLETION, TRIPLET_COMPLETION, GRAPH_COMPLETION,"
          + " GRAPH_COMPLETION_DECOMPOSITION, GRAPH_SUMMARY_COMPLETION, GRAPH_COMPLETION_COT,"
          + " GRAPH_COMPLETION_CONTEXT_EXTENSION, TEMPORAL, CODING_RULES, CHUNKS_LEXICAL.";

  static final String AGENTIC_SYSTEM =
      "You answer questions from a knowledge-graph memory. Use recall or memory_search to look"
          + " things up, and read a skill's instructions before following it. When you know the"
          + " answer, reply with it without calling a tool.";

  private Prompts() {}

  /** {@code context_for_question.txt}. */
  static String contextForQuestion(String question, String context) {
    return "The question is:\n" + question + "\n\nAnd here is the context:\n" + context;
  }

  /** {@code graph_context_for_question.txt}. */
  static String graphContextForQuestion(String question, String context) {
    return "The question is:\n"
        + question
        + "\n\nand here is the context provided with a set of relationships from a knowledge"
        + " graph separated by \\n---\\n each represented as node1 -- relation -- node2 triplet:\n"
        + context;
  }

  /** {@code hybrid_context_for_question.txt}. */
  static String hybridContextForQuestion(String question, String context) {
    return "Answer using this sectioned context. Keep the answer brief and do not use information"
        + " outside the context.\n\nQuestion:\n"
        + question
        + "\n\n"
        + context;
  }

  static String decompose(String question) {
    return "Question:\n" + question;
  }

  static String cotValidation(String question, String answer, String context) {
    return "Question:\n"
        + question
        + "\n\nAnswer:\n"
        + answer
        + "\n\nContext:\n"
        + context
        + "\n\nWhat is missing?";
  }

  static String cotFollowup(String question, String answer, String reasoning) {
    return "Question:\n" + question + "\n\nAnswer:\n" + answer + "\n\nMissing:\n" + reasoning;
  }

  static String selectType(String question) {
    return "Query:\n" + question;
  }
}
