package org.crmkit.core.hierarchy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random valid forests for property tests: random, chain, star and bushy shapes. */
public final class RandomForests {
  private RandomForests() {}

  /** The shapes: 0 random recursive forest, 1 deep chain, 2 wide star, 3 deep and bushy. */
  public static final int SHAPES = 4;

  /** One declaration: node, parent (null for a root) and level (may be null). */
  public record Row(String node, String parent, String level) {}

  /** {@code n} rows of the given shape, declared in a random order (children before parents too). */
  public static List<Row> forest(int n, int shape, long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("n" + i);
    }
    Collections.shuffle(ids, random); // ids[i]'s parent is among ids[0..i)
    String[] levels = {"a", "b", "c", null};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int p;
      switch (shape) {
        case 1:
          p = i - 1;
          break;
        case 2:
          p = i == 0 ? -1 : 0;
          break;
        case 3:
          p = i == 0 ? -1 : Math.max(0, i - 1 - random.nextInt(3));
          break;
        default:
          p = i == 0 || random.nextInt(8) == 0 ? -1 : random.nextInt(i);
      }
      rows.add(new Row(ids.get(i), p < 0 ? null : ids.get(p), levels[random.nextInt(4)]));
    }
    Collections.shuffle(rows, random);
    return rows;
  }

  public static Hierarchy<String> hierarchy(List<Row> rows) {
    Hierarchy.Builder<String> b = Hierarchy.builder();
    rows.forEach(r -> b.node(r.node(), r.parent(), r.level()));
    return b.build();
  }

  public static NaiveHierarchy<String> naive(List<Row> rows) {
    NaiveHierarchy<String> naive = new NaiveHierarchy<>();
    rows.forEach(r -> naive.node(r.node(), r.parent(), r.level()));
    return naive;
  }
}
