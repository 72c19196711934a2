package org.crmkit.spark.hierarchy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the node table, ancestor pairs and roll-ups on Spark against the compiled
 * {@link Hierarchy} on random forests.
 */
class SparkHierarchyReferenceTest {

  static Hierarchy<String> randomForest(Random rnd, int n) {
    Hierarchy.Builder<String> b = Hierarchy.builder();
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String node = "n" + i;
      if (i == 0 || rnd.nextInt(6) == 0) {
        b.root(node);
      } else {
        b.child(nodes.get(rnd.nextInt(nodes.size())), node);
      }
      nodes.add(node);
    }
    return b.build();
  }

  @Test
  void nodeTableAncestorPairsAndRollUpsEqualTheCompiledHierarchy() {
    SparkSession spark = SparkTestSession.get();
    for (long seed = 0; seed < 3; seed++) {
      Random rnd = new Random(seed);
      Hierarchy<String> h = randomForest(rnd, 30 + rnd.nextInt(40));
      Dataset<Row> nodes = SparkHierarchy.nodeTable(spark, h, k -> k).cache();

      for (Row r : nodes.collectAsList()) {
        String key = r.getString(0);
        assertThat(r.getInt(1)).isEqualTo(h.indexOf(key));
        assertThat(r.getInt(2)).isEqualTo(h.subtreeSize(key));
        assertThat(r.getInt(3)).isEqualTo(h.depth(key));
        assertThat(r.isNullAt(4) ? null : h.nodeAt(r.getInt(4))).isEqualTo(h.parent(key).orElse(null));
      }

      Set<String> expectedPairs = new HashSet<>();
      for (String a : h.nodes()) {
        for (String n : h.nodes()) {
          if (h.isAncestorOf(a, n)) {
            expectedPairs.add(a + ">" + n + ":" + (h.depth(n) - h.depth(a)));
          }
        }
      }
      Set<String> pairs = new HashSet<>();
      SparkHierarchy.ancestorPairs(nodes).collectAsList()
          .forEach(r -> pairs.add(r.getString(0) + ">" + r.getString(1) + ":" + r.getInt(2)));
      assertThat(pairs).as("seed %s", seed).isEqualTo(expectedPairs);

      // several value rows per node, some nodes without any, some rows for unknown keys
      Map<String, Double> perNode = new HashMap<>();
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String key = rnd.nextInt(20) == 0 ? "stranger" : h.nodeAt(rnd.nextInt(h.size()));
        long amount = rnd.nextInt(1000) - 100;
        rows.add(RowFactory.create(key, amount));
        perNode.merge(key, (double) amount, Double::sum);
      }
      Dataset<Row> values = spark.createDataFrame(rows,
          new StructType().add("node", DataTypes.StringType).add("amount", DataTypes.LongType));
      var expectedSum = h.sum(k -> perNode.getOrDefault(k, 0.0));
      var expectedCount = h.count(perNode::containsKey);
      List<Row> rolled = SparkHierarchy.rollUp(nodes, values, "node",
          sum(col("amount")).as("total"), count(col("amount")).as("rows"),
          max(col("amount")).as("largest")).collectAsList();
      assertThat(rolled).hasSize(h.size());
      for (int p = 0; p < h.size(); p++) {
        Row r = rolled.get(p);
        String key = h.nodeAt(p);
        assertThat(r.getString(0)).isEqualTo(key);
        double total = r.isNullAt(1) ? 0 : r.getLong(1);
        assertThat(total).as("seed %s, sum at %s", seed, key).isEqualTo(expectedSum.get(key));
        assertThat(r.isNullAt(1)).isEqualTo(expectedCount.get(key) == 0);
      }
      nodes.unpersist();
    }
  }
}
