/** Internal helpers shared by crmkit modules; not part of the public API. */
@NullMarked
package org.crmkit.core.internal;

import org.jspecify.annotations.NullMarked;
