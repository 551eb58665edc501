package dev.storytrack.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an edge list the distributed way: alternating large-star and small-star
 * rounds (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014) until every
 * component is a star around its smallest node. Hand-written because Spark has no connected
 * components outside GraphX, whose Pregel version needs as many rounds as the longest path and
 * keeps every vertex's state; these rounds shrink paths geometrically and hold only edges. Nothing
 * is collected to the driver but one count per round.
 */
final class Components {
  private Components() {}

  static final long EDGES_PER_PARTITION = 1_000_000;

  /**
   * Maps every node that has an edge to the smallest node of its component; a component's smallest
   * node maps to itself.
   */
  static JavaPairRDD<Long, Long> roots(JavaPairRDD<Long, Long> edges, int partitions) {
    JavaPairRDD<Long, Long> e =
        edges
            .filter(t -> !t._1().equals(t._2()))
            .mapToPair(t -> t._1() < t._2() ? t : new Tuple2<>(t._2(), t._1()))
            .distinct(partitions)
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    // The edge list is small next to the records (16 B an edge): the rounds run on as many
    // partitions as it needs (a million edges each, at least the cores), since each round is
    // several stages and a task costs tens of milliseconds however little it holds.
    long n = e.count();
    int cores = e.context().defaultParallelism();
    int p = (int) Math.min(partitions, Math.max(cores, n / EDGES_PER_PARTITION + 1));
    if (p < partitions) {
      JavaPairRDD<Long, Long> fewer = e.coalesce(p).persist(StorageLevel.MEMORY_AND_DISK_SER());
      fewer.count();
      e.unpersist(false);
      e = fewer;
      partitions = p;
    }
    while (true) {
      JavaPairRDD<Long, Long> large = largeStar(e, partitions);
      JavaPairRDD<Long, Long> small =
          smallStar(large, partitions).persist(StorageLevel.MEMORY_AND_DISK_SER());
      e.unpersist(false);
      e = small;
      if (isStarForest(e, partitions)) break;
    }
    // Each edge is now (leaf, root) with root < leaf; roots map to themselves.
    JavaPairRDD<Long, Long> leaves = e;
    return leaves.union(leaves.values().distinct(partitions).mapToPair(r -> new Tuple2<>(r, r)));
  }

  /** Each node links its larger neighbours to the smallest node of its neighbourhood. */
  private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> e, int partitions) {
    return e.flatMapToPair(t -> List.of(t, new Tuple2<>(t._2(), t._1())).iterator())
        .groupByKey(partitions)
        .flatMapToPair(
            g -> {
              long u = g._1();
              long m = u;
              for (long v : g._2()) m = Math.min(m, v);
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              for (long v : g._2()) if (v > u) out.add(new Tuple2<>(v, m));
              return out.iterator();
            })
        .distinct(partitions);
  }

  /** Each node links itself and its smaller neighbours to the smallest of them. */
  private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> e, int partitions) {
    return e.mapToPair(t -> t._1() > t._2() ? t : new Tuple2<>(t._2(), t._1()))
        .groupByKey(partitions)
        .flatMapToPair(
            g -> {
              long u = g._1();
              long m = u;
              for (long v : g._2()) m = Math.min(m, v);
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              for (long v : g._2()) if (v != m) out.add(new Tuple2<>(v, m));
              if (u != m) out.add(new Tuple2<>(u, m));
              return out.iterator();
            })
        .distinct(partitions);
  }

  /**
   * Whether edges (child, parent) with parent < child form stars: no node has two parents and no
   * parent is itself a child. Both rounds keep components and their minima, so a star is then a
   * whole component centred on its smallest node.
   */
  private static boolean isStarForest(JavaPairRDD<Long, Long> e, int partitions) {
    // One pass: a node that is a child twice, or both child and parent, breaks the star shape.
    long bad =
        e.flatMapToPair(
                t ->
                    List.of(
                            new Tuple2<>(t._1(), 1L), // as child: low half
                            new Tuple2<>(t._2(), 1L << 32)) // as parent: high half
                        .iterator())
            .reduceByKey(Long::sum, partitions)
            .filter(
                t -> {
                  long children = t._2() & 0xffffffffL;
                  boolean parent = t._2() >>> 32 != 0;
                  return children > 1 || (children == 1 && parent);
                })
            .count();
    return bad == 0;
  }
}
