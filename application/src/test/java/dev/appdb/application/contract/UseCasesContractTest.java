package dev.appdb.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.appdb.application.identity.IdentityLinks;
import dev.appdb.application.user.DeleteUser;
import dev.appdb.application.user.RegisterUser;
import dev.appdb.application.user.UpdateUserProfile;
import dev.appdb.application.user.UserQueries;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.IdentityAlreadyLinkedException;
import dev.appdb.domain.error.NotFoundException;
import dev.appdb.domain.error.ValidationException;
import dev.appdb.domain.identity.Issuer;
import dev.appdb.domain.identity.Subject;
import dev.appdb.domain.user.User;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user and identity use cases over an adapter: validation, optimistic updates, deletes. */
public abstract class UseCasesContractTest extends ContractTest {

  private RegisterUser register() {
    return new RegisterUser(transactions(), Clock.systemUTC());
  }

  @ParameterizedTest(name = "NUL in {0}")
  @CsvSource({"firstName", "lastName", "email"})
  void aNulCharacterIsRejectedNamingTheFieldAndNothingIsWritten(String field) {
    String first = field.equals("firstName") ? "Ada\u0000" : "Ada";
    String last = field.equals("lastName") ? "Love\u0000lace" : "Lovelace";
    String email = field.equals("email") ? "ada\u0000@example.com" : "ada@example.com";

    assertThatThrownBy(() -> register().register(first, last, email))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(field + ": ")
        .hasMessageContaining("U+0000")
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    assertThat(userCount()).isZero();
  }

  @Test
  void namesAreTrimmedAndLimitedToOneHundredCharacters() {
    User user = register().register("  Ada  ", "Lovelace", "  ");
    assertThat(user.firstName()).isEqualTo("Ada");
    assertThat(user.email()).isNull();

    assertThatThrownBy(() -> register().register("A".repeat(101), "Lovelace", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("firstName").hasMessageContaining("100");
    assertThatThrownBy(() -> register().register("Ada", "   ", null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("lastName");
    assertThat(userCount()).isEqualTo(1);
  }

  @Test
  void updateProfileWithAStaleVersionOverwritesNothing() {
    User user = register().register("Ada", "Lovelace", "ada@example.com");
    UpdateUserProfile update = new UpdateUserProfile(transactions(), Clock.systemUTC());
    User first = update.update(user.id(), 0, "Augusta", "King", "ada@example.com");

    assertThatThrownBy(() -> update.update(user.id(), 0, "Stale", "Write", null))
        .isInstanceOf(ConcurrentUpdateException.class);

    User stored = new UserQueries(transactions()).get(user.id());
    assertThat(stored).isEqualTo(first);
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void aNoOpUpdateChangesNothingAndANegativeVersionIsAValidationError() {
    User user = register().register("Ada", "Lovelace", "ada@example.com");
    UpdateUserProfile update = new UpdateUserProfile(transactions(), Clock.systemUTC());

    User same = update.update(user.id(), 0, " Ada ", "Lovelace", "ada@example.com");

    assertThat(same).isEqualTo(user);
    assertThat(new UserQueries(transactions()).get(user.id())).isEqualTo(user);
    assertThatThrownBy(() -> update.update(user.id(), -1, "Ada", "Lovelace", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expectedVersion").hasMessageContaining("-1");
  }

  @Test
  void linkingAnIdentityTwiceToTheSameUserIsIdempotent() {
    User user = register().register("Ada", "Lovelace", null);
    User other = register().register("Other", "User", null);
    IdentityLinks links = new IdentityLinks(transactions(), Clock.systemUTC());
    Issuer issuer = new Issuer("https://accounts.google.com");

    var first = links.link(user.id(), issuer, new Subject("42"));
    var again = links.link(user.id(), issuer, new Subject("42"));

    assertThat(again).isEqualTo(first);
    assertThat(links.listForUser(user.id())).containsExactly(first);
    assertThatThrownBy(() -> links.link(other.id(), issuer, new Subject("42")))
        .isInstanceOf(IdentityAlreadyLinkedException.class);
  }

  @Test
  void deleteThenGetIsNotFound() {
    User user = register().register("Ada", "Lovelace", null);
    new IdentityLinks(transactions(), Clock.systemUTC())
        .link(user.id(), new Issuer("https://accounts.google.com"), new Subject("1"));

    new DeleteUser(transactions()).delete(user.id());

    assertThatThrownBy(() -> new UserQueries(transactions()).get(user.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> new IdentityLinks(transactions(), Clock.systemUTC())
        .listForUser(user.id())).isInstanceOf(NotFoundException.class);
  }
}
