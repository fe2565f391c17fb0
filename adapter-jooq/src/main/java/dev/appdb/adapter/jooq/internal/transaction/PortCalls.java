package dev.appdb.adapter.jooq.internal.transaction;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Stands between a unit of work's caller and one of its repositories: every exception a port
 * method throws makes the unit rollback-only (the first one is kept and named), and every port
 * call after that throws {@link IllegalStateException} naming it, whether the caller caught the
 * first error or not. {@code Object}'s own methods pass straight through.
 */
final class PortCalls implements InvocationHandler {

  private final UnitContext context;
  private final Object repository;

  private PortCalls(UnitContext context, Object repository) {
    this.context = context;
    this.repository = repository;
  }

  /**
   * @param port the repository's interface
   * @param repository the unit's repository, implementing {@code port}
   * @param context the unit
   * @param <R> the port type
   * @return {@code repository} behind the unit's rules
   */
  static <R> R guard(Class<R> port, Object repository, UnitContext context) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
        new PortCalls(context, repository)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return call(method, arguments);
    }
    context.requireUsableForPortCall();
    try {
      return call(method, arguments);
    } catch (InvocationTargetException thrown) {
      Throwable failure = thrown.getCause();
      context.portCallFailed(failure);
      throw failure;
    }
  }

  /**
   * Calls the repository's method; a port that is not public (a service's package-private
   * interface) is made accessible once: the proxy hands in the same {@code Method} every time.
   */
  private Object call(Method method, Object[] arguments)
      throws InvocationTargetException, IllegalAccessException {
    try {
      return method.invoke(repository, arguments);
    } catch (IllegalAccessException notPublic) {
      method.setAccessible(true);
      return method.invoke(repository, arguments);
    }
  }
}
