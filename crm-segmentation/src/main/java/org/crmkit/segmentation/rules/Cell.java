package org.crmkit.segmentation.rules;

/**
 * One cell of the RFM score lattice. Immutable.
 *
 * @param r recency score
 * @param f frequency score
 * @param m monetary score
 */
public record Cell(int r, int f, int m) {
  @Override
  public String toString() {
    return "(r=" + r + ", f=" + f + ", m=" + m + ")";
  }
}
