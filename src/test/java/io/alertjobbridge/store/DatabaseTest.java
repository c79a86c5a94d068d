package io.alertjobbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "jdbc:h2:mem:x, org.h2.Driver",
            "jdbc:postgresql://db:5432/bridge, org.postgresql.Driver",
            "jdbc:mariadb://db:3306/bridge, org.mariadb.jdbc.Driver",
            "jdbc:mysql://db:3306/bridge, org.mariadb.jdbc.Driver"})
    void every_supported_database_has_a_driver_and_a_migration_folder(String url, String driver) {
        assertThat(Database.driverFor(url)).isEqualTo(driver);
        String folder = "db/migration/" + Database.vendorFor(url) + "/V1__action_store.sql";
        assertThat(Database.class.getClassLoader().getResource(folder)).as(folder).isNotNull();
    }

    @Test
    void unsupported_database_is_refused_without_showing_credentials() {
        assertThatThrownBy(() -> Database.driverFor("jdbc:sqlserver://bridge:pa55word@db:1433"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.datasource.url")
                .hasMessageContaining("//***@")
                .hasMessageNotContaining("pa55word");
    }

    @Test
    void empty_url_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new Database(" ", "sa", "", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.datasource.url");
    }

    @Test
    void migrated_database_answers() {
        try (StoreTestDatabase db = new StoreTestDatabase()) {
            assertThat(db.database.isReachable()).isTrue();
        }
    }
}
