namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// WeCom's send limits as the outbox asks them before each batch: <see cref="WeComSendBudget"/> counts one host's
/// sends in memory, <see cref="RedisSendBudget"/> counts every host's in Redis when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public interface IWeComSendBudget
{
    /// <summary>
    /// Null when the batch may go now; otherwise the earliest instant every limit allows it. Where several hosts
    /// share the limits, a null answer has already counted the batch, so no other host can take the same room.
    /// </summary>
    /// <exception cref="SendBudgetUnavailableException">The shared count cannot be read: the batch must wait.</exception>
    Task<DateTimeOffset?> TakeAsync(IReadOnlyCollection<string> users, CancellationToken ct);

    /// <summary>Counts a batch WeCom accepted (where <see cref="TakeAsync"/> did not count it already).</summary>
    Task RecordAsync(IReadOnlyCollection<string> users);
}

/// <summary>The shared send limits could not be checked (Redis unreachable); nothing was sent and nothing counted.</summary>
public sealed class SendBudgetUnavailableException(string message, Exception inner) : Exception(message, inner);
