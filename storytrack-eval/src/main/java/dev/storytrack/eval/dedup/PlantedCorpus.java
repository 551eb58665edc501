package dev.storytrack.eval.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a corpus with planted near-duplicates from real article texts.
 *
 * <p>Originals are real article texts from {@code ../shared/data} (giveme5w1h {@code text},
 * scrapinghub-aeb {@code articleBody}, wcxb {@code main_content}), each used once; when they run
 * out (large corpora), originals are drawn from a word-bigram model of the same texts. Each
 * original gets 1–3 copies; a copy draws an edit rate {@code e} uniformly from [0, {@code maxEdit}]
 * and applies per word a substitution, a deletion and an insertion each with probability {@code
 * e/3}; with probability 0.3 two paragraphs swap places and with probability 0.3 a boilerplate
 * block is appended. Unrelated documents (bigram-model texts, 250–1000 words) make up {@code
 * unrelatedShare} of the corpus. Every document records its cluster (the original it comes from).
 *
 * <p>The truth says that documents of different clusters are not near-duplicates, so the real
 * originals must not be near-duplicates of each other: {@link #distinct} keeps a text only when its
 * 5-word-shingle Jaccard with every text kept before it is below {@value #ORIGINALS_MAX_JACCARD}.
 * Real collections do hold copies (GiveMe5W1H has the same wire report in several outlets, Jaccard
 * 0.84–0.98); left in, they made a deduplicator's correct answers count as false pairs.
 *
 * <p>Run: {@code java -cp ... dev.storytrack.eval.dedup.PlantedCorpus --docs N --out
 * FILE.jsonl[.gz] [--truth FILE.tsv] [--seed S] [--sources giveme5w1h,scrapinghub,wcxb] [--data
 * DIR]}.
 */
public final class PlantedCorpus {
  /** One generated document; {@code cluster} is the planted truth, {@code edit} the copy's rate. */
  public record Doc(String id, String cluster, String text, double edit, Instant published) {}

  static final List<String> BOILERPLATE =
      List.of(
          "Copyright 2024 All rights reserved. This material may not be published, broadcast, rewritten"
              + " or redistributed without permission.",
          "Sign up for our daily newsletter to get the latest headlines delivered to your inbox every"
              + " morning. You can unsubscribe at any time.",
          "Follow us on Twitter and Facebook for breaking news and updates. Share this story with your"
              + " friends and family.",
          "Reporting by our staff; editing by the news desk. Our standards: the trust principles apply"
              + " to every story we publish.",
          "Have a news tip? Contact our newsroom by email or phone. We read every message and reply to"
              + " as many as we can.",
          "This article was originally published by a partner outlet and is republished here with"
              + " permission under a syndication agreement.");

  private final List<String> originals;
  private final Bigrams model;
  private final Random random;
  private final double unrelatedShare;
  private final double maxEdit;
  private int nextOriginal;
  private long nextId;

  /**
   * Originals are kept pairwise below this Jaccard: far enough under any useful threshold that two
   * copies of different originals (at most 8% edits each) cannot reach it.
   */
  public static final double ORIGINALS_MAX_JACCARD = 0.5;

  public PlantedCorpus(List<String> realTexts, long seed, double unrelatedShare, double maxEdit) {
    this.originals = distinct(realTexts, ORIGINALS_MAX_JACCARD);
    this.random = new Random(seed);
    java.util.Collections.shuffle(originals, random);
    this.model = new Bigrams(realTexts);
    this.unrelatedShare = unrelatedShare;
    this.maxEdit = maxEdit;
  }

  /** Loads real article texts; {@code sources} picks among giveme5w1h, scrapinghub, wcxb. */
  public static List<String> loadTexts(Path data, Set<String> sources) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    if (sources.contains("giveme5w1h")) {
      try (Stream<Path> files = Files.list(data.resolve("giveme5w1h/data"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          out.add(json.readTree(f.toFile()).path("text").asText(""));
        }
      }
    }
    if (sources.contains("scrapinghub")) {
      JsonNode all = json.readTree(data.resolve("scrapinghub-aeb/ground-truth.json").toFile());
      all.elements().forEachRemaining(n -> out.add(n.path("articleBody").asText("")));
    }
    if (sources.contains("wcxb")) {
      try (Stream<Path> files = Files.list(data.resolve("wcxb-articles-dev/ground-truth"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          out.add(json.readTree(f.toFile()).path("ground_truth").path("main_content").asText(""));
        }
      }
    }
    out.removeIf(t -> t.split("\\s+").length < 100); // too short to be a news article
    return out;
  }

  /**
   * The texts, in order, without any whose exact 5-word-shingle Jaccard with an earlier kept text
   * is at least {@code maxJaccard} (an inverted index over shingle hashes finds the texts to test).
   */
  public static List<String> distinct(List<String> texts, double maxJaccard) {
    dev.storytrack.text.Shingles shingles = new dev.storytrack.text.Shingles(5);
    Map<Long, List<Integer>> postings = new HashMap<>();
    List<Integer> sizes = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String t : texts) {
      long[] set = Arrays.stream(shingles.hash(t).shingles()).distinct().toArray();
      Map<Integer, Integer> shared = new HashMap<>();
      for (long h : set) {
        for (int k : postings.getOrDefault(h, List.of())) shared.merge(k, 1, Integer::sum);
      }
      boolean copy =
          shared.entrySet().stream()
              .anyMatch(
                  e ->
                      (double) e.getValue() / (set.length + sizes.get(e.getKey()) - e.getValue())
                          >= maxJaccard);
      if (copy) continue;
      int id = kept.size();
      kept.add(t);
      sizes.add(set.length);
      for (long h : set) postings.computeIfAbsent(h, k -> new ArrayList<>(2)).add(id);
    }
    return kept;
  }

  /** The shared data folder: {@code ../shared/data} beside the repo (from the root or a module). */
  public static Path defaultData() {
    for (Path p : List.of(Path.of("../shared/data"), Path.of("../../shared/data"))) {
      if (Files.isDirectory(p.resolve("giveme5w1h"))) return p;
    }
    return Path.of("../shared/data");
  }

  /** Generates {@code n} documents, in a locally shuffled order, into {@code sink}. */
  public void generate(long n, Consumer<Doc> sink) {
    // Copies must not sit next to their originals: emit through a shuffling buffer.
    Doc[] buffer = new Doc[4096];
    int filled = 0;
    long made = 0;
    List<Doc> pending = new ArrayList<>();
    while (made < n) {
      pending.clear();
      if (random.nextDouble() < unrelatedShare) {
        String id = id();
        pending.add(new Doc(id, id, model.generate(random, 250 + random.nextInt(750)), 0, time()));
      } else {
        String text =
            nextOriginal < originals.size()
                ? originals.get(nextOriginal++)
                : model.generate(random, 250 + random.nextInt(750));
        String cluster = id();
        pending.add(new Doc(cluster, cluster, text, 0, time()));
        int copies = 1 + random.nextInt(3);
        for (int c = 0; c < copies; c++) {
          double e = random.nextDouble() * maxEdit;
          pending.add(new Doc(id(), cluster, copy(text, e), e, time()));
        }
      }
      for (Doc d : pending) {
        if (made++ >= n) break;
        if (filled < buffer.length) {
          buffer[filled++] = d;
        } else {
          int i = random.nextInt(buffer.length);
          sink.accept(buffer[i]);
          buffer[i] = d;
        }
      }
    }
    List<Doc> rest = new ArrayList<>(Arrays.asList(buffer).subList(0, filled));
    java.util.Collections.shuffle(rest, random);
    rest.forEach(sink);
  }

  public List<Doc> generate(int n) {
    List<Doc> out = new ArrayList<>(n);
    generate(n, out::add);
    return out;
  }

  private String id() {
    return "d" + (nextId++);
  }

  private Instant time() {
    return Instant.ofEpochSecond(1_600_000_000L + random.nextInt(50_000_000));
  }

  String copy(String text, double e) {
    List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\\n\\s*\\n|\\n")));
    paragraphs.removeIf(String::isBlank);
    List<String> edited = new ArrayList<>(paragraphs.size());
    for (String p : paragraphs) {
      StringBuilder sb = new StringBuilder();
      for (String w : p.trim().split("\\s+")) {
        double x = random.nextDouble();
        if (x < e / 3) continue; // deletion
        sb.append(x < 2 * e / 3 ? model.randomWord(random) : w).append(' '); // substitution
        if (random.nextDouble() < e / 3) sb.append(model.randomWord(random)).append(' ');
      }
      edited.add(sb.toString().trim());
    }
    if (edited.size() > 1 && random.nextDouble() < 0.3) {
      java.util.Collections.swap(
          edited, random.nextInt(edited.size()), random.nextInt(edited.size()));
    }
    if (random.nextDouble() < 0.3) edited.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
    return String.join("\n\n", edited);
  }

  /** A word-bigram model of the real texts, for unrelated documents that read like news. */
  static final class Bigrams {
    private final String[] words;
    private final int[][] next;
    private final int[] starts;

    Bigrams(List<String> texts) {
      Map<String, Integer> ids = new HashMap<>();
      List<String> vocab = new ArrayList<>();
      Map<Integer, List<Integer>> succ = new HashMap<>();
      List<Integer> starters = new ArrayList<>();
      for (String t : texts) {
        int prev = -1;
        for (String w : t.trim().split("\\s+")) {
          if (w.isEmpty()) continue;
          int id =
              ids.computeIfAbsent(
                  w,
                  k -> {
                    vocab.add(k);
                    return vocab.size() - 1;
                  });
          if (prev < 0 || vocab.get(prev).endsWith(".")) starters.add(id);
          if (prev >= 0) succ.computeIfAbsent(prev, k -> new ArrayList<>()).add(id);
          prev = id;
        }
      }
      words = vocab.toArray(new String[0]);
      next = new int[words.length][];
      for (int i = 0; i < words.length; i++) {
        List<Integer> s = succ.get(i);
        next[i] = s == null ? new int[0] : s.stream().mapToInt(Integer::intValue).toArray();
      }
      starts = starters.stream().mapToInt(Integer::intValue).toArray();
    }

    String randomWord(Random r) {
      return words[r.nextInt(words.length)];
    }

    String generate(Random r, int n) {
      StringBuilder sb = new StringBuilder(n * 7);
      int w = starts[r.nextInt(starts.length)];
      int sinceBreak = 0;
      for (int i = 0; i < n; i++) {
        sb.append(words[w]);
        sinceBreak++;
        boolean end = words[w].endsWith(".");
        if (end && sinceBreak > 40 && r.nextInt(3) == 0) {
          sb.append("\n\n");
          sinceBreak = 0;
        } else {
          sb.append(' ');
        }
        int[] s = next[w];
        w =
            s.length == 0 || (end && r.nextInt(4) == 0)
                ? starts[r.nextInt(starts.length)]
                : s[r.nextInt(s.length)];
      }
      return sb.toString().trim();
    }
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = options(args);
    Path data = Path.of(opt.getOrDefault("--data", defaultData().toString()));
    Set<String> sources =
        Set.of(opt.getOrDefault("--sources", "giveme5w1h,scrapinghub,wcxb").split(","));
    long n = Long.parseLong(opt.getOrDefault("--docs", "10000"));
    long seed = Long.parseLong(opt.getOrDefault("--seed", "1"));
    double unrelated = Double.parseDouble(opt.getOrDefault("--unrelated", "0.5"));
    double maxEdit = Double.parseDouble(opt.getOrDefault("--max-edit", "0.08"));
    Path out = Path.of(opt.getOrDefault("--out", "planted.jsonl"));
    PlantedCorpus gen = new PlantedCorpus(loadTexts(data, sources), seed, unrelated, maxEdit);
    ObjectMapper json = new ObjectMapper();
    OutputStream raw = Files.newOutputStream(out);
    if (out.toString().endsWith(".gz")) raw = new GZIPOutputStream(raw, 1 << 16);
    BufferedWriter truth =
        opt.containsKey("--truth") ? Files.newBufferedWriter(Path.of(opt.get("--truth"))) : null;
    try (BufferedWriter w =
        new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
      gen.generate(
          n,
          d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("source", "planted.example");
            m.put("title", "Planted " + d.cluster());
            m.put("published", d.published().toString());
            m.put("text", d.text());
            try {
              w.write(json.writeValueAsString(m));
              w.write('\n');
              if (truth != null) truth.write(d.id() + "\t" + d.cluster() + "\t" + d.edit() + "\n");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    } finally {
      if (truth != null) truth.close();
    }
  }

  /** {@code --name value} pairs of a command line, for the planted-corpus programs. */
  public static Map<String, String> options(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) m.put(args[i], args[i + 1]);
    return m;
  }
}
