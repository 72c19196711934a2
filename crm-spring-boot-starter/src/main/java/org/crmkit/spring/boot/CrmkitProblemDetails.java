package org.crmkit.spring.boot;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.lifecycle.StaleVersionException;
import org.crmkit.core.lifecycle.TransitionRejectedException;
import org.crmkit.jdbc.VersionConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps crmkit's exceptions to RFC 9457 problem details ({@code application/problem+json}):
 * {@link InvalidDefinitionException} to 422 with a {@code problems} list of {@code {path,
 * message}}, a version conflict (crm-jdbc's {@link VersionConflictException}, core's {@link
 * StaleVersionException}) to 409, a rejected transition to 422, any other {@link CrmException} to
 * 400. Registered by the auto-configuration in servlet web applications.
 */
@RestControllerAdvice
public class CrmkitProblemDetails {
  static final String TYPES = "https://crmkit.org/problems/";

  /** 422 with every problem and its JSON path. */
  @ExceptionHandler(InvalidDefinitionException.class)
  public ProblemDetail invalidDefinition(InvalidDefinitionException e) {
    ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-definition",
        "Invalid " + e.what(), e.getMessage());
    List<Map<String, String>> problems = e.problems().stream()
        .map(x -> Map.of("path", x.path(), "message", x.message())).toList();
    p.setProperty("problems", problems);
    return p;
  }

  /** 409: someone else changed the record; re-read and retry. */
  @ExceptionHandler(VersionConflictException.class)
  public ProblemDetail versionConflict(VersionConflictException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict", e.getMessage());
    p.setProperty("subject", e.subject());
    p.setProperty("expectedVersion", e.expectedVersion());
    return p;
  }

  /** 409: the transition was decided on an old version. */
  @ExceptionHandler(StaleVersionException.class)
  public ProblemDetail staleVersion(StaleVersionException e) {
    ProblemDetail p = problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict", e.getMessage());
    p.setProperty("subject", e.subjectId());
    p.setProperty("expectedVersion", e.expectedVersion());
    p.setProperty("actualVersion", e.actualVersion());
    return p;
  }

  /** 422: the machine does not allow the event in the subject's state. */
  @ExceptionHandler(TransitionRejectedException.class)
  public ProblemDetail transitionRejected(TransitionRejectedException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "transition-rejected", "Transition rejected",
        e.getMessage());
  }

  /** 400: any other crmkit error is about the request's input. */
  @ExceptionHandler(CrmException.class)
  public ProblemDetail crmException(CrmException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPES + type));
    p.setTitle(title);
    return p;
  }
}
