/** crmkit permissions. */
@NullMarked
package org.crmkit.permissions;

import org.jspecify.annotations.NullMarked;
