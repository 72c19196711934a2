/**
 * Role-based and record-level permissions for a CRM: roles in a hierarchy, module allocation,
 * Dynamics-style data scopes, manager hierarchy access, sharing rules, record teams, manual
 * shares, explicit denies and field-level security, compiled into an immutable {@link
 * org.crmkit.permissions.AccessPolicy} that answers "may this user do this to this record, and
 * why" and turns the answer into a query predicate.
 */
@CrmStyle
@NullMarked
package org.crmkit.permissions;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;
