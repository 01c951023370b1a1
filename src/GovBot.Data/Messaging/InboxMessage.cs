namespace GovBot.Data.Messaging;

public enum InboxStatus
{
    /// <summary>Accepted and stored; the turn has not finished yet.</summary>
    Pending = 0,
    Done = 1,
    /// <summary>The turn threw; the user got an apology and the error stays visible here.</summary>
    Failed = 2,
}

/// <summary>
/// Every callback WeCom delivers, written before the HTTP answer so that a crash never loses it.
/// <see cref="DedupKey"/> is MsgId for messages and FromUserName+CreateTime+Event for events,
/// because WeCom repeats an unanswered callback up to three times.
/// </summary>
public class InboxMessage
{
    public long Id { get; set; }
    public required string DedupKey { get; set; }
    public required string UserId { get; set; }
    public required string MsgType { get; set; }
    /// <summary>The decrypted message XML exactly as WeCom sent it.</summary>
    public required string PayloadXml { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    /// <summary>The text given as passive reply, so that a repeated delivery gets the same answer.</summary>
    public string? PassiveReply { get; set; }
    public string? Error { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the span this row was made in, so that work done later from it (the turn run by the
    /// drain, the push sent by the outbox dispatcher) joins the same trace. Ids only, never message content.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? TraceContext { get; set; }

    /// <summary>
    /// PostgreSQL: until when a host's inbox sweeper has taken this pending row to finish it, so that the sweepers of
    /// other hosts leave it alone meanwhile (InboxSweepClaim); a sweeper that died lets it lapse. Unused on SQLite.
    /// </summary>
    public DateTimeOffset? SweptUntil { get; set; }
}
