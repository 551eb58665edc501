package dev.storytrack.spark;

import dev.storytrack.article.ArticleJson;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes job results as JSON Lines or Parquet directories (Spark's part files, in order). */
final class Outputs {
  private Outputs() {}

  /** Output format. */
  enum Kind {
    JSONL,
    PARQUET
  }

  static final StructType MEMBER =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("similarity", DataTypes.DoubleType, false);

  /** The schema of {@code storytrack dedup --groups}. */
  static final StructType GROUP =
      new StructType()
          .add("representative", DataTypes.StringType, false)
          .add("members", DataTypes.createArrayType(MEMBER, false), false);

  static final StructType ARTICLE =
      new StructType()
          .add("id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType)
          .add("url", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("published", DataTypes.TimestampType)
          .add("text", DataTypes.StringType)
          .add("html", DataTypes.StringType);

  static void writeGroups(
      SparkSession spark, JavaRDD<SparkDedup.Group> groups, String path, Kind kind) {
    JavaRDD<Row> rows =
        groups.map(
            g -> {
              List<Row> members = new ArrayList<>(g.members().size());
              for (SparkDedup.Member m : g.members()) {
                // Three decimals, as the CLI writes them.
                members.add(RowFactory.create(m.id(), Math.round(m.similarity() * 1000) / 1000.0));
              }
              return RowFactory.create(
                  g.representative(),
                  scala.jdk.javaapi.CollectionConverters.asScala(members).toSeq());
            });
    write(spark.createDataFrame(rows, GROUP), path, kind);
  }

  static void writeArticles(SparkSession spark, JavaRDD<Rec> records, String path, Kind kind) {
    if (kind == Kind.JSONL) {
      // The core's own JSON writer, so the records read back exactly as the CLI writes them.
      spark
          .createDataset(records.map(r -> ArticleJson.toLine(r.article())).rdd(), Encoders.STRING())
          .write()
          .mode(SaveMode.ErrorIfExists)
          .text(path);
      return;
    }
    JavaRDD<Row> rows =
        records.map(
            r ->
                RowFactory.create(
                    r.id(),
                    r.source(),
                    r.url(),
                    r.title(),
                    r.published() == Rec.NO_TIME ? null : new Timestamp(r.published()),
                    r.text(),
                    r.html()));
    write(spark.createDataFrame(rows, ARTICLE), path, kind);
  }

  static void write(Dataset<Row> df, String path, Kind kind) {
    if (kind == Kind.PARQUET) df.write().mode(SaveMode.ErrorIfExists).parquet(path);
    else df.write().mode(SaveMode.ErrorIfExists).json(path);
  }
}
