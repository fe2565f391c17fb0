package dev.appdb.application.fake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One call of a repository port that a unit of work of {@link InMemoryTransactions} received,
 * for tests that check how a use case talks to its store (how many statements a batch costs,
 * what it locks, what it never writes).
 *
 * @param method the port and method, e.g. {@code users.findByIds} or {@code identities.link}
 * @param arguments the arguments as passed, collections copied when the call was made; may hold
 *     null
 * @param readOnly whether the unit was read-only
 */
public record PortCall(String method, List<Object> arguments, boolean readOnly) {

  static PortCall of(String method, boolean readOnly, Object... arguments) {
    List<Object> copied = new ArrayList<>(arguments.length);
    for (Object argument : arguments) {
      copied.add(argument instanceof Collection<?> collection
          ? Collections.unmodifiableList(new ArrayList<>(collection)) : argument);
    }
    return new PortCall(method, Collections.unmodifiableList(copied), readOnly);
  }

  /**
   * @param index the argument's position
   * @return the argument, a copied list when a collection was passed
   */
  public Object argument(int index) {
    return arguments.get(index);
  }
}
