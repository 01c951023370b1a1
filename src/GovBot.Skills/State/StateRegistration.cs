using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GovBot.Skills.State;

public static class StateRegistration
{
    /// <summary>Name under <c>ConnectionStrings</c> that switches the state store to Redis.</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>Optional configuration key overriding <see cref="RedisStateStoreOptions.DefaultKeyPrefix"/>.</summary>
    public const string KeyPrefixKey = "State:KeyPrefix";

    private const string LogCategory = "GovBot.Skills.State";

    /// <summary>The data layer's provider setting; "Postgres" means several hosts may share the store.</summary>
    public const string DataProviderKey = "Data:Provider";

    /// <summary>
    /// Registers <see cref="IStateStore"/>: Redis when <c>ConnectionStrings:Redis</c> is set (one shared
    /// <see cref="IConnectionMultiplexer"/>), otherwise <see cref="MemoryStateStore"/>, which suits a single instance only.
    /// Also registers <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered already.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotState(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        RequireRedisForSharedStore(builder.Configuration, connectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IStateStore>(sp =>
            {
                Logger(sp).LogInformation(
                    "State store: in process memory (ConnectionStrings:{Name} is not set); state is not shared between instances and is lost on restart",
                    ConnectionStringName);
                return new MemoryStateStore(sp.GetRequiredService<TimeProvider>());
            });
            return builder;
        }

        // Parse now so a malformed connection string fails start-up at once rather than at first use.
        var redisOptions = ConfigurationOptions.Parse(connectionString);
        // Redis being briefly down must not crash start-up: the client connects in the background and keeps retrying.
        redisOptions.AbortOnConnectFail = false;
        var storeOptions = new RedisStateStoreOptions
        {
            KeyPrefix = builder.Configuration[KeyPrefixKey] ?? RedisStateStoreOptions.DefaultKeyPrefix,
        };

        // Registered for the other users of the shared Redis (WeCom's send limits, Data Protection keys): one prefix for all.
        services.TryAddSingleton(storeOptions);
        services.TryAddSingleton<IConnectionMultiplexer>(sp => Connect(redisOptions, Logger(sp)));
        services.TryAddSingleton<IStateStore>(sp => new RedisStateStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            storeOptions,
            sp.GetService<ILogger<RedisStateStore>>()));
        return builder;
    }

    /// <summary>
    /// PostgreSQL is there for several hosts on one database, and several hosts keep their short-lived state apart
    /// in memory: a member's messages would be answered out of order and WeCom's limits passed. Read as a plain
    /// setting, so the state store does not depend on the data layer.
    /// </summary>
    private static void RequireRedisForSharedStore(IConfiguration configuration, string? redisConnectionString)
    {
        var provider = configuration[DataProviderKey];
        if (!string.Equals(provider?.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(redisConnectionString))
            return;
        throw new InvalidOperationException(
            $"{DataProviderKey} is Postgres, which is for running several GovBot hosts on one database, but ConnectionStrings:{ConnectionStringName} " +
            "is not set. Several hosts must share their short-lived state (dialogs, each member's turn lease, WeCom's send limits, " +
            $"the staff login throttle, the staff cookie keys) through Redis: set ConnectionStrings:{ConnectionStringName} " +
            $"(e.g. \"redis.internal:6379,password=...\"), or set {DataProviderKey} to Sqlite for a single host.");
    }

    private static ConnectionMultiplexer Connect(ConfigurationOptions options, ILogger logger)
    {
        // Endpoints only: the connection string may carry a password.
        var endpoints = string.Join(", ", options.EndPoints.Select(EndPointCollection.ToString));
        var redis = ConnectionMultiplexer.Connect(options);
        redis.ConnectionFailed += (_, e) =>
            logger.LogWarning(e.Exception, "Redis connection to {Endpoint} lost ({FailureType}); state operations fail until it is back",
                e.EndPoint is { } ep ? EndPointCollection.ToString(ep) : endpoints, e.FailureType);
        redis.ConnectionRestored += (_, e) =>
            logger.LogInformation("Redis connection to {Endpoint} restored",
                e.EndPoint is { } ep ? EndPointCollection.ToString(ep) : endpoints);

        if (redis.IsConnected)
            logger.LogInformation("State store: Redis at {Endpoints}", endpoints);
        else
            logger.LogWarning("State store: Redis at {Endpoints} is not reachable yet; retrying in the background, state operations fail until it answers", endpoints);
        return redis;
    }

    private static ILogger Logger(IServiceProvider sp) =>
        sp.GetService<ILoggerFactory>()?.CreateLogger(LogCategory) ?? NullLogger.Instance;
}
