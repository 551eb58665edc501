package dev.storytrack.dedup.bench;

import dev.storytrack.bench.BenchResources;
import dev.storytrack.dedup.DedupConfig;
import dev.storytrack.dedup.DocSignature;
import dev.storytrack.dedup.NearDuplicateIndex;
import dev.storytrack.text.Shingles;
import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-document cost of dedup's hot path on one news article of about 640 words (a seed plus a
 * fixture): the hand-written shingle normalizer against a minimal Lucene chain (StandardTokenizer +
 * LowerCaseFilter, tokens only, no hashing) and the whole signature (shingles + SuperMinHash) at
 * 128 and 256 components. Run with {@code bench/jmh.sh SignatureBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureBenchmark {
  @Param({"128", "256"})
  int components;

  private String text;
  private Shingles shingles;
  private NearDuplicateIndex index;

  @Setup
  public void setUp() {
    text =
        BenchResources.text("/seeds/000_4a850577689245d9.txt")
            + "\n\n"
            + BenchResources.text("/fixtures/mosul-offensive.txt");
    shingles = new Shingles(5);
    index = new NearDuplicateIndex(DedupConfig.defaults().withSignatureSize(components));
  }

  @Benchmark
  public Shingles.Hashed shinglesHandWritten() {
    return shingles.hash(text);
  }

  @Benchmark
  public int tokensLuceneStandardLowercase() throws IOException {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(text));
    int n = 0;
    try (TokenStream ts = new LowerCaseFilter(tokenizer)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) n += term.length();
      ts.end();
    }
    return n;
  }

  @Benchmark
  public DocSignature signature() {
    return index.sign(text);
  }
}
