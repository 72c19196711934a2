package org.crmkit.spring.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The data source the starter gives crm-jdbc's stores: inside a Spring-managed transaction on the
 * application's data source ({@code @Transactional}, {@code TransactionTemplate}) it hands out that
 * transaction's connection, with {@code commit}, {@code rollback}, {@code setAutoCommit} and
 * {@code close} left to Spring, so a store's writes commit or roll back with the application's
 * own {@code JdbcClient} writes; outside one, a connection of its own (the store then runs its
 * own transaction).
 */
final class SpringTransactionDataSource extends DelegatingDataSource {

  SpringTransactionDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    DataSource target = obtainTargetDataSource();
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.getResource(target) == null) {
      return target.getConnection();
    }
    Connection joined = DataSourceUtils.getConnection(target);
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "commit", "rollback", "setAutoCommit", "releaseSavepoint":
              return null;
            case "close":
              DataSourceUtils.releaseConnection(joined, target);
              return null;
            case "isClosed":
              return false;
            case "equals":
              return proxy == args[0];
            case "hashCode":
              return System.identityHashCode(proxy);
            case "toString":
              return "crmkit connection joining the Spring transaction: " + joined;
            default:
              try {
                return method.invoke(joined, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }
}
