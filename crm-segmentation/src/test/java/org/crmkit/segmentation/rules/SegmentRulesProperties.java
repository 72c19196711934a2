package org.crmkit.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentRulesProperties {

  /** Random partition of [1..n]³ by recursive guillotine cuts; labels from a small pool. */
  static List<SegmentRule> partition(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 2 + rnd.nextInt(6);
    List<SegmentRule> out = new ArrayList<>();
    split(rnd, new int[] {1, 1, 1}, new int[] {n, n, n}, out, 0);
    return out;
  }

  private static void split(SplittableRandom rnd, int[] lo, int[] hi, List<SegmentRule> out, int depth) {
    int axis = rnd.nextInt(3);
    if (depth > 4 || hi[axis] == lo[axis] || rnd.nextInt(4) == 0) {
      out.add(new SegmentRule("s" + rnd.nextInt(6), ScoreRange.of(lo[0], hi[0]),
          ScoreRange.of(lo[1], hi[1]), ScoreRange.of(lo[2], hi[2]), java.util.Map.of()));
      return;
    }
    int cut = lo[axis] + rnd.nextInt(hi[axis] - lo[axis]);
    int[] hi1 = hi.clone();
    hi1[axis] = cut;
    int[] lo2 = lo.clone();
    lo2[axis] = cut + 1;
    split(rnd, lo, hi1, out, depth + 1);
    split(rnd, lo2, hi, out, depth + 1);
  }

  static int tilesOf(List<SegmentRule> rules) {
    return rules.stream().mapToInt(r -> Math.max(r.r().max(), Math.max(r.f().max(), r.m().max())))
        .max().orElseThrow();
  }

  @Test
  void assignmentIsTotalAndOrderIndependentOnAnyPartition() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      List<SegmentRule> rules = partition(seed);
      int n = tilesOf(rules);
      List<SegmentRule> shuffled = new ArrayList<>(rules);
      Collections.shuffle(shuffled, new Random(seed));
      SegmentRules.Builder a = SegmentRules.builder().tiles(n).strict(true);
      rules.forEach(a::rule);
      SegmentRules.Builder b = SegmentRules.builder().tiles(n).strict(true);
      shuffled.forEach(b::rule);
      SegmentRules x = a.build();
      SegmentRules y = b.build();
      for (int r = 1; r <= n; r++) {
        for (int f = 1; f <= n; f++) {
          for (int m = 1; m <= n; m++) {
            String expected = null;
            for (SegmentRule rule : rules) {
              if (rule.covers(r, f, m)) {
                expected = rule.segment();
              }
            }
            assertThat(x.segmentOf(r, f, m)).as("seed %s", seed).contains(expected);
            assertThat(y.segmentOf(r, f, m)).as("seed %s", seed).contains(expected);
          }
        }
      }
    });
  }

  @Test
  void analysisCountsAgreeWithBruteForceOnArbitraryRuleSets() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      int n = 2 + rnd.nextInt(5);
      List<SegmentRule> rules = new ArrayList<>();
      int count = 1 + rnd.nextInt(8);
      for (int i = 0; i < count; i++) {
        String segment = "s" + rnd.nextInt(4);
        java.util.Set<String> overrides = new java.util.TreeSet<>();
        for (int o = 0; o < 4; o++) {
          if (rnd.nextInt(3) == 0 && !segment.equals("s" + o)) {
            overrides.add("s" + o);
          }
        }
        rules.add(new SegmentRule(segment, range(rnd, n), range(rnd, n), range(rnd, n),
            java.util.Map.of(), overrides));
      }
      java.util.Set<String> names = new java.util.HashSet<>();
      rules.forEach(r -> names.add(r.segment()));
      rules.replaceAll(r -> new SegmentRule(r.segment(), r.r(), r.f(), r.m(), r.attributes(),
          r.overrides().stream().filter(names::contains).collect(java.util.stream.Collectors.toSet())));
      SegmentRules.Builder b = SegmentRules.builder().tiles(n);
      rules.forEach(b::rule);
      RuleAnalysis a = b.build().analysis();
      long gaps = 0;
      long overlaps = 0;
      long orderDependent = 0;
      long deliberate = 0;
      boolean[] reached = new boolean[count];
      for (int r = 1; r <= n; r++) {
        for (int f = 1; f <= n; f++) {
          for (int m = 1; m <= n; m++) {
            List<String> segs = new ArrayList<>();
            List<SegmentRule> covering = new ArrayList<>();
            for (int i = 0; i < count; i++) {
              if (rules.get(i).covers(r, f, m)) {
                if (segs.isEmpty()) {
                  reached[i] = true;
                }
                segs.add(rules.get(i).segment());
                covering.add(rules.get(i));
              }
            }
            gaps += segs.isEmpty() ? 1 : 0;
            overlaps += segs.size() > 1 ? 1 : 0;
            boolean dependent = segs.stream().distinct().count() > 1;
            orderDependent += dependent ? 1 : 0;
            boolean allDeclared = true;
            for (int x = 0; x < covering.size(); x++) {
              for (int y = x + 1; y < covering.size(); y++) {
                String later = covering.get(y).segment();
                if (!later.equals(covering.get(x).segment())
                    && !covering.get(x).overrides().contains(later)) {
                  allDeclared = false;
                }
              }
            }
            deliberate += dependent && allDeclared ? 1 : 0;
          }
        }
      }
      List<Integer> unreachable = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (!reached[i]) {
          unreachable.add(i);
        }
      }
      assertThat(a.gapCount()).as("seed %s", seed).isEqualTo(gaps);
      assertThat(a.overlapCount()).as("seed %s", seed).isEqualTo(overlaps);
      assertThat(a.orderDependentCount()).as("seed %s", seed).isEqualTo(orderDependent);
      assertThat(a.deliberateCount()).as("seed %s", seed).isEqualTo(deliberate);
      assertThat(a.problems().isEmpty()).as("seed %s", seed).isEqualTo(gaps == 0
          && orderDependent == deliberate && unreachable.isEmpty() && a.unusedOverrides().isEmpty());
      assertThat(a.unreachable()).extracting(RuleAnalysis.Unreachable::rule).as("seed %s", seed)
          .isEqualTo(unreachable);
    });
  }

  private static ScoreRange range(SplittableRandom rnd, int n) {
    int a = 1 + rnd.nextInt(n);
    int b = 1 + rnd.nextInt(n);
    return ScoreRange.of(Math.min(a, b), Math.max(a, b));
  }
}
