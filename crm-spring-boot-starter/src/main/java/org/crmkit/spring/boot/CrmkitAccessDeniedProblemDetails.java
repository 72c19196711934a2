package org.crmkit.spring.boot;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps Spring Security's {@link AccessDeniedException} from a controller method to a 403 problem
 * detail whose {@code explanation} is crmkit's explanation of the denial (from {@link
 * CrmkitPermissionEvaluator}), e.g. {@code "denied: role 'rep' grants UPDATE on customer at scope
 * OWN; owner is 'eve'"}. Registered where Spring Security and Spring MVC are present.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CrmkitAccessDeniedProblemDetails {
  /** 403 with the explanation, when there is one. */
  @ExceptionHandler(AccessDeniedException.class)
  public ProblemDetail accessDenied(AccessDeniedException e) {
    ProblemDetail p = CrmkitProblemDetails.problem(HttpStatus.FORBIDDEN, "access-denied",
        "Access denied", "access denied");
    CrmkitPermissionEvaluator.explanation().ifPresent(why -> {
      p.setDetail(why.lines().findFirst().orElse(why).replaceFirst(";\\s*considered:$", ""));
      p.setProperty("explanation", why);
    });
    return p;
  }
}
