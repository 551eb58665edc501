package dev.storytrack.quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Part-of-speech tags from OpenNLP's English tagger (trained on the Universal Dependencies English
 * Web Treebank, {@code opennlp-models-pos-en}): Universal Dependencies tags (NOUN, VERB, AUX, ...).
 * The extractor asks it whether a cue word is used as a verb ("officials said") or a noun ("the
 * Sanders demand", "records show").
 */
final class PartsOfSpeech {
  private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private PartsOfSpeech() {}

  private static final class Holder {
    static final POSModel MODEL_INSTANCE = load();
  }

  /** The tagger keeps per-call state, so each thread gets its own over the one shared model. */
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(Holder.MODEL_INSTANCE, POSTagFormat.UD));

  /** Universal Dependencies tags of the words (punctuation included as its own tokens). */
  static String[] tag(String[] words) {
    return TAGGER.get().tag(words);
  }

  /** Whether a tag marks a verb or auxiliary. */
  static boolean isVerb(String tag) {
    return tag.startsWith("VERB") || tag.startsWith("AUX");
  }

  /** Whether a tag marks a common noun. */
  static boolean isNoun(String tag) {
    return tag.equals("NOUN");
  }

  /** Tags of words that make the next word a noun: "the", "strong", "for", "three". */
  static boolean isNounModifier(String tag) {
    return tag.equals("DET") || tag.equals("ADJ") || tag.equals("ADP") || tag.equals("NUM");
  }

  private static POSModel load() {
    try (InputStream in = PartsOfSpeech.class.getResourceAsStream(MODEL)) {
      if (in == null) throw new IllegalStateException("missing resource " + MODEL);
      return new POSModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
