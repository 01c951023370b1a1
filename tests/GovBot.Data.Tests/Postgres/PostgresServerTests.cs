using GovBot.TestSupport;
using Npgsql;

namespace GovBot.Data.Tests.Postgres;

[Collection(PostgresServerFixture.Collection)]
public sealed class PostgresServerTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task A_fresh_database_compares_and_sorts_Chinese_text_as_UTF8()
    {
        await using var connection = new NpgsqlConnection(await postgres.CreateDatabaseAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT '楼道灯坏了' LIKE '%灯坏%', current_setting('server_encoding'), (SELECT datcollate FROM pg_database WHERE datname = current_database())", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal("UTF8", reader.GetString(1));
        Assert.Equal("C.UTF-8", reader.GetString(2));
    }
}
