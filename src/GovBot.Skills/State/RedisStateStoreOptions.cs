namespace GovBot.Skills.State;

public sealed class RedisStateStoreOptions
{
    public const string DefaultKeyPrefix = "govbot:";

    /// <summary>
    /// Put in front of every key so several deployments (or test runs) can share one Redis.
    /// Values live at <c>{prefix}{key}</c>, lock leases at <c>{prefix}lock:{key}</c>.
    /// </summary>
    public string KeyPrefix { get; init; } = DefaultKeyPrefix;
}
