package dev.storytrack.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.serializer.KryoSerializer;

/**
 * Kryo for everything the jobs shuffle or cache. Each record gets a hand-written serializer: Kryo's
 * field serializer cannot set the final fields of Java records, and Java serialization (Spark's
 * default) writes class descriptors and boxed fields, several times the bytes.
 */
public final class KryoSetup implements KryoRegistrator {
  /** Sets Kryo with this registrator on {@code conf} unless a serializer was chosen already. */
  public static SparkConf configure(SparkConf conf) {
    if (!conf.contains("spark.serializer")) {
      conf.set("spark.serializer", KryoSerializer.class.getName());
      conf.set("spark.kryo.registrator", KryoSetup.class.getName());
    }
    return conf;
  }

  @Override
  public void registerClasses(Kryo kryo) {
    register(
        kryo,
        Rec.class,
        (o, r) -> {
          o.writeLong(r.key());
          o.writeString(r.id());
          o.writeString(r.source());
          o.writeString(r.url());
          o.writeString(r.title());
          o.writeLong(r.published());
          o.writeString(r.text());
          o.writeString(r.html());
        },
        i ->
            new Rec(
                i.readLong(),
                i.readString(),
                i.readString(),
                i.readString(),
                i.readString(),
                i.readLong(),
                i.readString(),
                i.readString()));
    register(
        kryo,
        SparkDedup.Sig.class,
        (o, s) -> {
          o.writeLong(s.key());
          o.writeString(s.id());
          o.writeLong(s.published());
          o.writeLong(s.high());
          o.writeLong(s.low());
          o.writeInt(s.words(), true);
          bytes(o, s.comps());
          o.writeString(s.error());
        },
        i ->
            new SparkDedup.Sig(
                i.readLong(),
                i.readString(),
                i.readLong(),
                i.readLong(),
                i.readLong(),
                i.readInt(true),
                bytes(i),
                i.readString()));
    register(
        kryo,
        SparkDedup.Entry.class,
        (o, e) -> {
          o.writeLong(e.key());
          o.writeLong(e.high());
          o.writeLong(e.low());
          bytes(o, e.comps());
        },
        i -> new SparkDedup.Entry(i.readLong(), i.readLong(), i.readLong(), bytes(i)));
    register(
        kryo,
        SparkDedup.Block.class,
        (o, b) -> {
          o.writeLong(b.bucket());
          o.writeInt(b.a(), true);
          o.writeInt(b.b(), true);
          o.writeInt(b.blocks(), true);
        },
        i -> new SparkDedup.Block(i.readLong(), i.readInt(true), i.readInt(true), i.readInt(true)));
    register(
        kryo,
        SparkDedup.Member.class,
        (o, m) -> {
          o.writeLong(m.key());
          o.writeString(m.id());
          o.writeDouble(m.similarity());
        },
        i -> new SparkDedup.Member(i.readLong(), i.readString(), i.readDouble()));
    register(
        kryo,
        SparkDedup.Group.class,
        (o, g) -> {
          o.writeLong(g.representativeKey());
          o.writeString(g.representative());
          o.writeInt(g.members().size(), true);
          for (SparkDedup.Member m : g.members()) kryo.writeObject(o, m);
        },
        i -> {
          long key = i.readLong();
          String rep = i.readString();
          int n = i.readInt(true);
          List<SparkDedup.Member> members = new ArrayList<>(n);
          for (int k = 0; k < n; k++) members.add(kryo.readObject(i, SparkDedup.Member.class));
          return new SparkDedup.Group(key, rep, members);
        });

    register(
        kryo,
        SparkCluster.Placed.class,
        (o, p) -> {
          kryo.writeObject(o, p.rec());
          o.writeLong(p.time());
          o.writeBoolean(p.leadIn());
        },
        i -> new SparkCluster.Placed(kryo.readObject(i, Rec.class), i.readLong(), i.readBoolean()));
    register(
        kryo,
        SparkCluster.Assigned.class,
        (o, a) -> {
          o.writeLong(a.key());
          o.writeString(a.id());
          o.writeString(a.source());
          o.writeLong(a.time());
          o.writeLong(a.published());
          o.writeLong(a.node());
          o.writeInt(a.order(), true);
        },
        i ->
            new SparkCluster.Assigned(
                i.readLong(),
                i.readString(),
                i.readString(),
                i.readLong(),
                i.readLong(),
                i.readLong(),
                i.readInt(true)));
    register(
        kryo,
        SparkCluster.Part.class,
        (o, p) -> {
          o.writeLong(p.node());
          o.writeString(p.title());
          strings(o, p.topTerms());
          strings(o, p.topEntities());
          o.writeBoolean(p.active());
          o.writeLong(p.window());
        },
        i ->
            new SparkCluster.Part(
                i.readLong(),
                i.readString(),
                strings(i),
                strings(i),
                i.readBoolean(),
                i.readLong()));
    register(
        kryo,
        SparkCluster.Digest.class,
        (o, d) -> {
          o.writeLong(d.node());
          o.writeString(d.title());
          o.writeString(d.text());
        },
        i -> new SparkCluster.Digest(i.readLong(), i.readString(), i.readString()));
    register(
        kryo,
        SparkCluster.Out.class,
        (o, x) -> {
          kryo.writeObjectOrNull(o, x.assigned(), SparkCluster.Assigned.class);
          kryo.writeObjectOrNull(o, x.part(), SparkCluster.Part.class);
          kryo.writeObjectOrNull(o, x.digest(), SparkCluster.Digest.class);
          o.writeLong(x.leadKey());
          o.writeLong(x.leadNode());
        },
        i ->
            new SparkCluster.Out(
                kryo.readObjectOrNull(i, SparkCluster.Assigned.class),
                kryo.readObjectOrNull(i, SparkCluster.Part.class),
                kryo.readObjectOrNull(i, SparkCluster.Digest.class),
                i.readLong(),
                i.readLong()));
    register(
        kryo,
        SparkCluster.StoryOut.class,
        (o, s) -> {
          o.writeString(s.id());
          o.writeString(s.title());
          instant(o, s.firstSeen());
          instant(o, s.lastSeen());
          o.writeString(s.origin());
          o.writeInt(s.size(), true);
          o.writeBoolean(s.active());
          o.writeInt(s.sources().size(), true);
          s.sources()
              .forEach(
                  (k, v) -> {
                    o.writeString(k);
                    o.writeInt(v, true);
                  });
          strings(o, s.topTerms());
          strings(o, s.topEntities());
          strings(o, s.articles());
        },
        i -> {
          String id = i.readString();
          String title = i.readString();
          Instant first = instant(i);
          Instant last = instant(i);
          String origin = i.readString();
          int size = i.readInt(true);
          boolean active = i.readBoolean();
          int n = i.readInt(true);
          Map<String, Integer> sources = new LinkedHashMap<>();
          for (int k = 0; k < n; k++) sources.put(i.readString(), i.readInt(true));
          return new SparkCluster.StoryOut(
              id,
              title,
              first,
              last,
              origin,
              size,
              active,
              sources,
              strings(i),
              strings(i),
              strings(i));
        });
    kryo.register(long[].class);
    kryo.register(ArrayList.class);
  }

  private static <T> void register(
      Kryo kryo, Class<T> type, BiConsumer<Output, T> write, Function<Input, T> read) {
    kryo.register(
        type,
        new Serializer<T>() {
          @Override
          public void write(Kryo k, Output output, T object) {
            write.accept(output, object);
          }

          @Override
          public T read(Kryo k, Input input, Class<T> t) {
            return read.apply(input);
          }
        });
  }

  private static void bytes(Output o, byte[] b) {
    o.writeInt(b.length, true);
    o.writeBytes(b);
  }

  private static byte[] bytes(Input i) {
    return i.readBytes(i.readInt(true));
  }

  private static void strings(Output o, List<String> list) {
    if (list == null) {
      o.writeInt(0, true);
      return;
    }
    o.writeInt(list.size() + 1, true);
    for (String s : list) o.writeString(s);
  }

  private static List<String> strings(Input i) {
    int n = i.readInt(true) - 1;
    if (n < 0) return null;
    List<String> list = new ArrayList<>(n);
    for (int k = 0; k < n; k++) list.add(i.readString());
    return list;
  }

  private static void instant(Output o, Instant t) {
    o.writeBoolean(t != null);
    if (t != null) {
      o.writeLong(t.getEpochSecond());
      o.writeInt(t.getNano(), true);
    }
  }

  private static Instant instant(Input i) {
    return i.readBoolean() ? Instant.ofEpochSecond(i.readLong(), i.readInt(true)) : null;
  }
}
