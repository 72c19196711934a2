package org.crmkit.json;

import java.util.List;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Organisation;

/**
 * The contents of an access-data document: the organisation and the records to check.
 * Immutable.
 *
 * @param organisation org units, territories and users
 * @param records the records, in document order; unmodifiable
 */
public record AccessData(Organisation organisation, List<AccessRecord> records) {
  /** Copies the records. */
  public AccessData {
    records = List.copyOf(records);
  }
}
