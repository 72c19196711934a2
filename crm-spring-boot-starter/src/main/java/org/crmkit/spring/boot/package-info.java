/**
 * Spring Boot auto-configuration for crmkit: {@link org.crmkit.spring.boot.CrmkitProperties}
 * ({@code crmkit.*}), the compiled {@link org.crmkit.spring.boot.CrmkitDefinitions}, problem
 * details for crmkit's exceptions, a Spring Security {@code PermissionEvaluator} backed by the
 * access policy, and crm-jdbc's stores over the application's {@code DataSource}.
 */
@NullMarked
package org.crmkit.spring.boot;

import org.jspecify.annotations.NullMarked;
