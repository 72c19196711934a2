/**
 * A Spring Boot application on crm-spring-boot-starter, with REST endpoints to copy: customers
 * listed through the access predicate, access checks with explanations, lifecycle events with
 * optimistic versions, RFM scores and lead assignment.
 */
@NullMarked
package org.crmkit.example.spring;

import org.jspecify.annotations.NullMarked;
