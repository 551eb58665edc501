package dev.storytrack.article;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Where one read delivers articles and problems, with the running counts. */
final class ReadContext {
  private final Consumer<Article> sink;
  private final Consumer<ReadProblem> problems;
  private final FieldMap fields;

  /** id -> where it was first read, to report ids repeated within one read. */
  private final Map<String, String> seen = new HashMap<>();

  private long articleCount;
  private long problemCount;
  private long duplicateCount;

  ReadContext(Consumer<Article> sink, Consumer<ReadProblem> problems) {
    this(sink, problems, FieldMap.NONE);
  }

  ReadContext(Consumer<Article> sink, Consumer<ReadProblem> problems, FieldMap fields) {
    this.sink = sink;
    this.problems = problems;
    this.fields = fields;
  }

  FieldMap fields() {
    return fields;
  }

  /**
   * Delivers the article, or reports it at {@code location} when {@link ArticleLimits} refuses it.
   * An id read before in this batch is reported (every consumer keeps the later record, as the
   * store does on update) and the article is still delivered.
   */
  void article(String location, Article a) {
    String problem = ArticleLimits.problem(a);
    if (problem != null) {
      problem(location, problem);
      return;
    }
    checkedArticle(location, a);
  }

  /**
   * As {@link #article} for an article that {@link ArticleLimits#problem} already accepted (the
   * JSONL parser checks each record): the check scans every text, so once is enough.
   */
  void checkedArticle(String location, Article a) {
    String first = seen.putIfAbsent(a.id(), location);
    if (first != null) {
      duplicateCount++;
      problems.accept(
          new ReadProblem(
              location,
              ReadProblem.DUPLICATE_ID
                  + a.id()
                  + ", first at "
                  + relative(first, location)
                  + "; "
                  + ReadProblem.LATER_KEPT));
    }
    articleCount++;
    sink.accept(a);
  }

  /** {@code line N} when both locations are lines of one file, else the first location whole. */
  private static String relative(String first, String later) {
    int a = first.lastIndexOf(':');
    int b = later.lastIndexOf(':');
    if (a > 0
        && b > 0
        && first.substring(0, a).equals(later.substring(0, b))
        && first.substring(a + 1).chars().allMatch(Character::isDigit)) {
      return "line " + first.substring(a + 1);
    }
    return first;
  }

  void problem(String location, String reason) {
    problemCount++;
    problems.accept(new ReadProblem(location, reason));
  }

  ReadSummary summary() {
    return new ReadSummary(articleCount, problemCount, duplicateCount);
  }
}
