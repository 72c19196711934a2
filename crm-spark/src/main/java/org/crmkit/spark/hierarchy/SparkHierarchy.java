package org.crmkit.spark.hierarchy;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.CrmException;
import org.crmkit.core.hierarchy.Hierarchy;

/**
 * A compiled {@link Hierarchy} as a Spark node table, and the subtree operations it makes
 * relational. Every subtree of a hierarchy occupies a contiguous range of preorder positions
 * ({@link Hierarchy#subtreeSizeAt}), so "node n is in the subtree of a" is the range condition
 * {@code a.position <= n.position < a.position + a.subtree_size}: ancestor tests are range joins
 * and the roll-up of any per-node values over every subtree is one range join (against the node
 * table, broadcast) and one aggregation, with no recursion.
 *
 * <p>The node table has the columns {@link #KEY} (string), {@link #POSITION} (preorder, int),
 * {@link #SUBTREE_SIZE} (int, the node included), {@link #DEPTH} (int, roots 0) and {@link
 * #PARENT_POSITION} (int, null for a root). It is built on the driver in O(n). Stateless.
 *
 * <pre>{@code
 * Dataset<Row> nodes = SparkHierarchy.nodeTable(spark, territories, TerritoryId::value);
 * Dataset<Row> revenueBySubtree = SparkHierarchy.rollUp(nodes, sales, "territory",
 *     sum(col("amount")).as("revenue"));
 * }</pre>
 */
public final class SparkHierarchy {
  /** The node key column (the key's text). */
  public static final String KEY = "key";
  /** The preorder position column. */
  public static final String POSITION = "position";
  /** The subtree size column. */
  public static final String SUBTREE_SIZE = "subtree_size";
  /** The depth column. */
  public static final String DEPTH = "depth";
  /** The parent's preorder position column, null for a root. */
  public static final String PARENT_POSITION = "parent_position";

  private SparkHierarchy() {}

  /**
   * The node table of {@code hierarchy}, one row per node in preorder.
   *
   * @param keyText the text of a key, as it appears in the data to join
   * @throws CrmException if two keys have the same text
   */
  public static <K> Dataset<Row> nodeTable(SparkSession spark, Hierarchy<K> hierarchy,
      Function<? super K, String> keyText) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(hierarchy, "hierarchy");
    Objects.requireNonNull(keyText, "keyText");
    List<Row> rows = new ArrayList<>(hierarchy.size());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int p = 0; p < hierarchy.size(); p++) {
      K node = hierarchy.nodeAt(p);
      String key = Objects.requireNonNull(keyText.apply(node), "keyText of " + node);
      if (!seen.add(key)) {
        throw new CrmException("two nodes have the key text '" + key + "'");
      }
      int parent = hierarchy.parentIndex(p);
      rows.add(RowFactory.create(key, p, hierarchy.subtreeSizeAt(p), hierarchy.depth(node),
          parent < 0 ? null : parent));
    }
    StructType schema = new StructType()
        .add(KEY, DataTypes.StringType, false)
        .add(POSITION, DataTypes.IntegerType, false)
        .add(SUBTREE_SIZE, DataTypes.IntegerType, false)
        .add(DEPTH, DataTypes.IntegerType, false)
        .add(PARENT_POSITION, DataTypes.IntegerType, true);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * The condition "the node at {@code nodePosition} is in the subtree rooted at the node with
   * {@code rootPosition} and {@code rootSubtreeSize}" (the root included).
   */
  public static Column inSubtree(Column rootPosition, Column rootSubtreeSize, Column nodePosition) {
    return nodePosition.geq(rootPosition).and(nodePosition.lt(rootPosition.plus(rootSubtreeSize)));
  }

  /**
   * Every (ancestor, node) pair with the ancestor a proper ancestor of the node, by a range
   * self-join: columns {@code ancestor}, {@code node}, {@code distance} (depth difference, >= 1).
   */
  public static Dataset<Row> ancestorPairs(Dataset<Row> nodes) {
    Dataset<Row> a = nodes.select(col(KEY).as("ancestor"), col(POSITION).as("a_pos"),
        col(SUBTREE_SIZE).as("a_size"), col(DEPTH).as("a_depth"));
    Dataset<Row> n = nodes.select(col(KEY).as("node"), col(POSITION).as("n_pos"),
        col(DEPTH).as("n_depth"));
    return n.join(broadcast(a), inSubtree(col("a_pos"), col("a_size"), col("n_pos"))
            .and(col("a_pos").notEqual(col("n_pos"))))
        .select(col("ancestor"), col("node"), col("n_depth").minus(col("a_depth")).as("distance"));
  }

  /**
   * Rolls per-node rows up over every subtree: each row of {@code values} (several per node
   * allowed; rows whose key is not a node are ignored) counts for its node and every ancestor,
   * and {@code aggregates} are computed per subtree root. The result has one row per node of the
   * hierarchy: {@link #KEY} and the aggregate columns (null or 0, as the aggregate gives for no
   * rows, where a subtree has no values, e.g. {@code sum} gives null).
   *
   * @param keyColumn the column of {@code values} holding the node key text
   * @param aggregate the first aggregate, e.g. {@code sum(col("amount")).as("revenue")}
   * @param more further aggregates
   */
  public static Dataset<Row> rollUp(Dataset<Row> nodes, Dataset<Row> values, String keyColumn,
      Column aggregate, Column... more) {
    Dataset<Row> located = values.join(
        nodes.select(col(KEY).as("__crmkit_vkey"), col(POSITION).as("__crmkit_vpos")),
        values.col(keyColumn).equalTo(col("__crmkit_vkey")));
    Dataset<Row> roots = nodes.select(col(KEY).as("__crmkit_root"),
        col(POSITION).as("__crmkit_rpos"), col(SUBTREE_SIZE).as("__crmkit_rsize"));
    Dataset<Row> inSubtrees = located.join(broadcast(roots),
        inSubtree(col("__crmkit_rpos"), col("__crmkit_rsize"), col("__crmkit_vpos")));
    Dataset<Row> rolled = inSubtrees.groupBy(col("__crmkit_root")).agg(aggregate, more);
    return nodes.select(col(KEY), col(POSITION))
        .join(rolled, col(KEY).equalTo(col("__crmkit_root")), "left_outer")
        .orderBy(col(POSITION))
        .drop("__crmkit_root", POSITION);
  }
}
