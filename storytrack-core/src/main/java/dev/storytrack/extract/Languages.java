package dev.storytrack.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text that declares none, with Apache OpenNLP's language detector (103
 * languages, the model published as {@code org.apache.opennlp:opennlp-models-langdetect}), as an
 * ISO 639-1 code where the language has one ({@code "en"}, {@code "zh"}), else ISO 639-3.
 * Thread-safe.
 */
final class Languages {
  /** Characters read: the detector is as sure after a paragraph or two as after a whole text. */
  static final int SAMPLE = 1500;

  /** Fewer letters than this say too little to name a language. */
  private static final int MIN_LETTERS = 20;

  /**
   * How much more probable the best language must be than the second. The model spreads its
   * probability over 103 languages, so absolute values are small even when it is right; a clear
   * lead is what separates an answer from a guess (very short or mixed texts have none).
   */
  private static final double MIN_LEAD = 1.3;

  private static final Map<String, String> TWO_LETTER = twoLetterCodes();

  private Languages() {}

  private static final class Holder {
    static final LanguageDetectorModel MODEL = load();
  }

  // The detector keeps per-call state; the model is shared and read-only.
  private static final ThreadLocal<LanguageDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new LanguageDetectorME(Holder.MODEL));

  private static LanguageDetectorModel load() {
    try (InputStream in = Languages.class.getResourceAsStream("/langdetect-183.bin")) {
      if (in == null)
        throw new IllegalStateException(
            "OpenNLP language model langdetect-183.bin is not on the class path");
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenNLP language model", e);
    }
  }

  /**
   * The language of {@code text}, or "" when the text is too short or no language clearly leads.
   */
  static String detect(String text) {
    String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
    int letters = 0;
    for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
      if (Character.isLetter(sample.charAt(i))) letters++;
    }
    if (letters < MIN_LETTERS) return "";
    Language[] ranked = DETECTOR.get().predictLanguages(sample);
    if (ranked.length == 0) return "";
    if (ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence())
      return "";
    return code(ranked[0].getLang());
  }

  /** ISO 639-3 to 639-1 where one exists; Mandarin ({@code cmn}) is Chinese ({@code zh}). */
  static String code(String iso3) {
    String two = TWO_LETTER.get(iso3);
    return two != null ? two : iso3;
  }

  private static Map<String, String> twoLetterCodes() {
    Map<String, String> m = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        m.put(Locale.forLanguageTag(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code known to the JDK
      }
    }
    // The model names macrolanguage members and alternative codes the JDK does not map.
    m.put("cmn", "zh");
    m.put("pes", "fa");
    m.put("zsm", "ms");
    m.put("ekk", "et");
    m.put("lvs", "lv");
    m.put("nob", "nb");
    m.put("swh", "sw");
    m.put("arb", "ar");
    return Map.copyOf(m);
  }
}
