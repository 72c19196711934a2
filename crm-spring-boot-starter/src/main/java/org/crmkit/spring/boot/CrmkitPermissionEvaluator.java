package org.crmkit.spring.boot;

import java.io.Serializable;
import java.util.Optional;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A Spring Security {@link PermissionEvaluator} backed by crmkit's {@link AccessPolicy}, so that
 * {@code @PreAuthorize("hasPermission(#id, 'customer', 'update')")} checks the record-level policy.
 * The target type is an {@link ObjectType} name, the permission an {@link Action} label ({@code
 * read}, {@code update}, {@code delete}, {@code assign}, {@code export} …); the record comes from
 * the {@link CrmkitRecords} bean, the user from the {@link CrmkitUsers} bean.
 *
 * <p>In a web request the explanation of a denial is kept as a request attribute ({@link
 * #explanation()}), and the starter's problem details put it into the 403 body. Thread-safe.
 */
public final class CrmkitPermissionEvaluator implements PermissionEvaluator {
  /** The request attribute holding the explanation of the last denial in the request. */
  public static final String EXPLANATION_ATTRIBUTE = CrmkitPermissionEvaluator.class.getName() + ".explanation";

  private static final boolean WEB = ClassUtils.isPresent(
      "org.springframework.web.context.request.RequestContextHolder",
      CrmkitPermissionEvaluator.class.getClassLoader());

  private final CrmkitDefinitions definitions;
  private final CrmkitUsers users;
  private final @Nullable CrmkitRecords records;

  CrmkitPermissionEvaluator(CrmkitDefinitions definitions, CrmkitUsers users,
      @Nullable CrmkitRecords records) {
    this.definitions = definitions;
    this.users = users;
    this.records = records;
  }

  /** Checks a record object ({@link AccessRecord}) directly: {@code hasPermission(#record, 'read')}. */
  @Override
  public boolean hasPermission(Authentication authentication, Object target, Object permission) {
    if (!(target instanceof AccessRecord record)) {
      return deny("the target is a " + target.getClass().getSimpleName() + ", not an AccessRecord;"
          + " use hasPermission(#id, 'type', 'action')");
    }
    return check(authentication, record, String.valueOf(permission));
  }

  /** Checks a record by id and type: {@code hasPermission(#id, 'customer', 'update')}. */
  @Override
  public boolean hasPermission(Authentication authentication, @Nullable Serializable targetId,
      String targetType, Object permission) {
    if (targetId == null) {
      return deny("no " + targetType + " id given");
    }
    if (records == null) {
      return deny("no CrmkitRecords bean: the application must say how to find a " + targetType);
    }
    ObjectType type = new ObjectType(targetType);
    Optional<AccessRecord> record = records.find(type, targetId.toString());
    if (record.isEmpty()) {
      return deny("no " + targetType + " '" + targetId + "'");
    }
    return check(authentication, record.get(), String.valueOf(permission));
  }

  /** The explanation of the last denial in the current web request, if any. */
  public static Optional<String> explanation() {
    if (!WEB) {
      return Optional.empty();
    }
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    Object value = attributes == null ? null
        : attributes.getAttribute(EXPLANATION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private boolean check(Authentication authentication, AccessRecord record, String permission) {
    Optional<AccessPolicy> policy = definitions.policy();
    if (policy.isEmpty()) {
      return deny("no access policy configured (crmkit.policy)");
    }
    Optional<User> user = users.find(authentication.getName());
    if (user.isEmpty()) {
      return deny("'" + authentication.getName() + "' is not a user of the organisation");
    }
    Action action;
    try {
      action = Action.parse(permission);
    } catch (CrmException e) {
      return deny(e.getMessage());
    }
    AccessDecision decision = policy.get().check(user.get(), action, record);
    if (!decision.allowed()) {
      remember(decision.explain());
    }
    return decision.allowed();
  }

  private static boolean deny(String why) {
    remember("denied: " + why);
    return false;
  }

  private static void remember(String explanation) {
    if (WEB) {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes != null) {
        attributes.setAttribute(EXPLANATION_ATTRIBUTE, explanation, RequestAttributes.SCOPE_REQUEST);
      }
    }
  }
}
