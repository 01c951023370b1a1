namespace GovBot.Data.Messaging;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>WeCom refused it for good (e.g. every recipient unknown); kept for staff to see.</summary>
    Failed = 2,
    /// <summary>The reply went out as a passive answer in time, so no push is needed.</summary>
    AnsweredPassively = 3,
    /// <summary>
    /// A push to a WeChat user (微信客服) that WeCom would refuse now: their 48-hour window is closed or its five
    /// messages are spent. Kept, not failed, and released when the resident next writes.
    /// </summary>
    Held = 4,
}

/// <summary>How a push reaches its recipient.</summary>
public enum OutboxChannel
{
    /// <summary>The self-built app's message/send, to corp members.</summary>
    App = 0,
    /// <summary>kf/send_msg from a customer-service account, to one WeChat user.</summary>
    CustomerService = 1,
}

/// <summary>
/// A push to WeCom users, written in the same transaction as the change that caused it and sent
/// by the dispatcher with retries. <see cref="PayloadJson"/> holds a channel-neutral reply part.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>WeCom user ids joined by '|'; the dispatcher splits them into batches of 1000. Empty for a group chat.</summary>
    public required string ToUsers { get; set; }
    /// <summary>
    /// When set, the row goes to this app-created group chat (<see cref="GroupChat.ChatId"/>) through appchat/send
    /// instead of to <see cref="ToUsers"/>, with the same retries.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(32)]
    public string? ChatId { get; set; }
    public required string PayloadJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not sent before this instant (quiet hours, or the passive-reply window).</summary>
    public DateTimeOffset NotBefore { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>WeCom's msgid for each sent batch, joined by '|'.</summary>
    public string? WeComMsgId { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Unique when set: a reminder or event that may be produced twice is pushed once.</summary>
    public string? SourceKey { get; set; }
    /// <summary>The inbox message whose turn produced this push, if any.</summary>
    public long? InboxMessageId { get; set; }
    public string? CorrelationId { get; set; }
    public OutboxChannel Channel { get; set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the span this row was made in, so that work done later from it (the turn run by the
    /// drain, the push sent by the outbox dispatcher) joins the same trace. Ids only, never message content.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? TraceContext { get; set; }
}
