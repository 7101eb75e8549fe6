package io.ashspring.runtime.replica;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.ashspring.fixtures.Helpdesk;
import io.ashspring.fixtures.Ticket;
import io.ashspring.migrate.codegen.MigrationGenerator;
import io.ashspring.runtime.AshRuntime;
import io.ashspring.sql.ReplicationQueries;
import io.ashspring.test.PostgresTest;
import io.ashspring.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WAL positions: PostgreSQL's text form both ways, their order, and that a write moves the primary's. */
@PostgresTest
class WalPositionTests {

    @Test
    void aPositionReadsAndPrintsInPostgresTextForm() {
        assertThat(Lsn.parse("0/16B3748").value()).isEqualTo(0x16B3748L);
        assertThat(Lsn.parse("16/B374D848").value()).isEqualTo(0x16B374D848L);
        assertThat(Lsn.parse("16/B374D848")).hasToString("16/B374D848");
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF").value()).isEqualTo(-1L);
    }

    @Test
    void positionsCompareAsUnsignedNumbers() {
        assertThat(Lsn.parse("1/0").reached(Lsn.parse("0/FFFFFFFF"))).isTrue();
        assertThat(Lsn.parse("0/FFFFFFFF").reached(Lsn.parse("1/0"))).isFalse();
        assertThat(Lsn.parse("FFFFFFFF/0").reached(Lsn.parse("7FFFFFFF/0"))).isTrue();
        assertThat(Lsn.max(null, Lsn.parse("0/1"))).isEqualTo(Lsn.parse("0/1"));
        assertThat(Lsn.max(Lsn.parse("0/2"), Lsn.parse("0/1"))).isEqualTo(Lsn.parse("0/2"));
    }

    @Test
    void textThatIsNoPositionIsRefusedNamingIt() {
        assertThatThrownBy(() -> Lsn.parse("16B3748")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'16B3748'");
        assertThatThrownBy(() -> Lsn.parse("0/xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lsn.parse("100000000/0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommittedWriteMovesThePrimarysPositionPast(TestDatabase database) {
        MigrationGenerator.createSchema(database.dataSource(), Helpdesk.registry());
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Lsn before = Lsn.parse(jdbc.sql(ReplicationQueries.currentWalPosition().sql()).query(String.class).single());
        AshRuntime.of(Helpdesk.registry(), database.dataSource()).service(Ticket.class).create(Map.of("subject", "moves the WAL"));
        Lsn after = Lsn.parse(jdbc.sql(ReplicationQueries.currentWalPosition().sql()).query(String.class).single());
        assertThat(after.reached(before)).isTrue();
        assertThat(after).isNotEqualTo(before);
        // a primary is no standby: it reports no replay position
        assertThat(jdbc.sql(ReplicationQueries.replayPosition().sql()).query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2))
                .single()).isEqualTo("false null");
    }
}
