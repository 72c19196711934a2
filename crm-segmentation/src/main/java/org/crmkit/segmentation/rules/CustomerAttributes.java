package org.crmkit.segmentation.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.Customer;

/**
 * The attributes a {@link Customer} offers to segment rules: its free {@link
 * Customer#attributes()} plus its typed dimensions under fixed keys — {@value #KIND} ({@code
 * organisation} or {@code individual}), {@value #INDUSTRY}, {@value #SIZE_BAND} (the {@code
 * SizeBand} name, e.g. {@code LARGE}), {@value #TERRITORY} (the territory id) and {@value
 * #LIFECYCLE_STAGE}. An absent dimension has no key; a typed dimension wins over a free attribute
 * of the same name. Territories match by id, not by hierarchy. Stateless.
 *
 * <pre>{@code
 * SegmentRules rules = SegmentRules.builder()
 *     .rule("Key accounts").attribute(CustomerAttributes.SIZE_BAND, "LARGE", "ENTERPRISE").add()
 *     .rule("Others").add()
 *     .build();
 * String segment = rules.segmentOf(score, customer).orElseThrow();
 * }</pre>
 */
public final class CustomerAttributes {
  /** Key of the customer's kind: {@code organisation} or {@code individual}. */
  public static final String KIND = "kind";
  /** Key of the customer's industry. */
  public static final String INDUSTRY = "industry";
  /** Key of the customer's size band name ({@code MICRO} .. {@code ENTERPRISE}). */
  public static final String SIZE_BAND = "sizeBand";
  /** Key of the customer's territory id. */
  public static final String TERRITORY = "territory";
  /** Key of the customer's lifecycle stage name. */
  public static final String LIFECYCLE_STAGE = "lifecycleStage";

  private CustomerAttributes() {}

  /**
   * The attributes of {@code customer} as rules see them; a new unmodifiable map. O(attributes).
   *
   * @throws org.crmkit.core.CrmException if {@code customer} is null
   */
  public static Map<String, String> of(Customer customer) {
    Checks.present("customer", customer);
    Map<String, String> out = new LinkedHashMap<>(customer.attributes());
    out.put(KIND, customer.kind().name().toLowerCase(Locale.ROOT));
    customer.industry().ifPresent(v -> out.put(INDUSTRY, v));
    customer.sizeBand().ifPresent(v -> out.put(SIZE_BAND, v.name()));
    customer.territory().ifPresent(v -> out.put(TERRITORY, v.value()));
    customer.lifecycleStage().ifPresent(v -> out.put(LIFECYCLE_STAGE, v));
    return Collections.unmodifiableMap(out);
  }
}
