using Npgsql;

namespace GovBot.Load;

/// <summary>
/// WORKAROUND, to remove once the store does it: the demo seed writes rows with explicit ids, which PostgreSQL's identity
/// sequences do not see, so the first new rows (members onboarded by the run) collide with seeded ids (23505 on
/// PK_People) until enough sequence values are burnt. Moves every identity sequence past its table's largest id.
/// </summary>
public static class SeededIdentities
{
    public static async Task MovePastSeedAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT table_name, column_name FROM information_schema.columns
                       WHERE table_schema = 'public' AND is_identity = 'YES' LOOP
                EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), GREATEST((SELECT COALESCE(MAX(%I), 0) FROM %I), 1))',
                               quote_ident(r.table_name), r.column_name, r.column_name, r.table_name);
              END LOOP;
            END $$;
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
