namespace GovBot.Skills.Conversation;

/// <summary>
/// A push a skill wants sent to WeCom users outside the current reply, e.g. a reminder or a
/// notice to the grid worker. Written to the outbox in the skill's own transaction.
/// </summary>
/// <param name="ToUsers">WeCom user ids; any number, the dispatcher sends them in batches of 1000.</param>
public sealed record OutboxPush(ReplyPart Part, IReadOnlyCollection<string> ToUsers)
{
    /// <summary>Not sent before this instant (quiet hours, or after the passive reply); null means at once.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Makes the push idempotent: a second push with the same key is ignored.</summary>
    public string? SourceKey { get; init; }

    public long? InboxMessageId { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>The trace the push continues (W3C traceparent); null takes the current span's, if any.</summary>
    public string? TraceContext { get; init; }
}
