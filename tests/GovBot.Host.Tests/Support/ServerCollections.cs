using GovBot.TestSupport;

namespace GovBot.Host.Tests.Support;

// xunit finds collection definitions only in the test assembly itself; the servers live in GovBot.TestSupport.

/// <summary>Test classes that need a real Redis join this collection: <c>[Collection(RedisServerFixture.Collection)]</c>.</summary>
[CollectionDefinition(RedisServerFixture.Collection)]
public sealed class RedisServerCollection : ICollectionFixture<RedisServerFixture>;

/// <summary>Test classes that need a real PostgreSQL join this collection: <c>[Collection(PostgresServerFixture.Collection)]</c>.</summary>
[CollectionDefinition(PostgresServerFixture.Collection)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServerFixture>;
