/** crmkit examples: csv. */
@NullMarked
package org.crmkit.examples.csv;

import org.jspecify.annotations.NullMarked;
