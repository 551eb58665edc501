package dev.storytrack.article;

import java.util.function.Consumer;

/** Where one read delivers articles and problems, with the running counts. */
final class ReadContext {
  private final Consumer<Article> sink;
  private final Consumer<ReadProblem> problems;
  private long articleCount;
  private long problemCount;

  ReadContext(Consumer<Article> sink, Consumer<ReadProblem> problems) {
    this.sink = sink;
    this.problems = problems;
  }

  /** Delivers the article, or reports it at {@code location} when {@link ArticleLimits} refuses it. */
  void article(String location, Article a) {
    String problem = ArticleLimits.problem(a);
    if (problem != null) {
      problem(location, problem);
      return;
    }
    articleCount++;
    sink.accept(a);
  }

  void problem(String location, String reason) {
    problemCount++;
    problems.accept(new ReadProblem(location, reason));
  }

  ReadSummary summary() {
    return new ReadSummary(articleCount, problemCount);
  }
}
