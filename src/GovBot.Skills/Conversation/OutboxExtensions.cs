using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Conversation;

/// <summary>How skills put a push into the outbox; the host's dispatcher sends it with retries.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// The one way reply parts are written to and read from <see cref="OutboxMessage.PayloadJson"/>.
    /// Chinese stays unescaped so staff reading the table see the text.
    /// </summary>
    // Asked for nearly every push; compiled once, it skips EF's per-call look at the expression tree.
    private static readonly ModelQuery<Func<GovBotDb, string, CancellationToken, Task<bool>>> SourceKeyStored = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, string key, CancellationToken ct) => db.Outbox.Any(o => o.SourceKey == key)));

    public static JsonSerializerOptions PayloadJsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string SerializePayload(ReplyPart part) => JsonSerializer.Serialize(part, PayloadJsonOptions);

    /// <exception cref="JsonException">The payload is not a reply part this version understands.</exception>
    public static ReplyPart DeserializePayload(string payloadJson) =>
        JsonSerializer.Deserialize<ReplyPart>(payloadJson, PayloadJsonOptions)
        ?? throw new JsonException("The payload is JSON null.");

    /// <summary>
    /// Adds the push to the context; the caller's SaveChanges commits it with the change that caused it.
    /// Returns null, adding nothing, when a push with the same <see cref="OutboxPush.SourceKey"/> is
    /// already stored or already added to this context.
    /// </summary>
    /// <remarks>
    /// Two transactions racing on one key in the same instant both pass the check; the unique index
    /// then fails the later SaveChanges, and a retry of that turn finds the row and skips it.
    /// </remarks>
    private static string? CurrentTraceContext() =>
        System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } current ? current.Id : null;

    public static async Task<OutboxMessage?> EnqueuePushAsync(
        this GovBotDb db, OutboxPush push, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(push);
        var users = push.ToUsers.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // A card update goes to everyone who got the card (WeCom's atall), so it needs no recipients.
        if (users.Count == 0 && push.Part is not CardUpdate)
            throw new ArgumentException("A push needs at least one recipient.", nameof(push));
        if (users.Any(u => u.Contains('|')))
            throw new ArgumentException("A WeCom user id cannot contain '|'.", nameof(push));

        if (push.SourceKey is { } key)
        {
            if (db.Outbox.Local.Any(o => o.SourceKey == key)) return null;
            if (await SourceKeyStored.For(db)(db, key, ct)) return null;
        }

        // A WeChat user (微信客服) is reached one by one through kf/send_msg: each gets a row of their own, and the
        // corp members of the same push share one as before.
        var wechat = users.Where(ExternalUser.IsIdentity).ToList();
        var members = users.Except(wechat).ToList();
        OutboxMessage? first = null;
        if (members.Count > 0 || push.Part is CardUpdate) first = Add(db, push, members, OutboxChannel.App, push.SourceKey, now);
        foreach (var user in wechat)
        {
            // Alone, the row keeps the push's key; beside other recipients each row's key names its own.
            var own = push.SourceKey is { } k && users.Count > 1 ? Truncate($"{k}|{user}") : push.SourceKey;
            if (own is not null && own != push.SourceKey
                && (db.Outbox.Local.Any(o => o.SourceKey == own) || await SourceKeyStored.For(db)(db, own, ct))) continue;
            var row = Add(db, push, [user], OutboxChannel.CustomerService, own, now);
            first ??= row;
        }
        return first;
    }

    private static string Truncate(string key) => key.Length <= 200 ? key : key[..200];

    private static OutboxMessage Add(GovBotDb db, OutboxPush push, List<string> users, OutboxChannel channel, string? sourceKey, DateTimeOffset now)
    {
        var row = new OutboxMessage
        {
            Channel = channel,
            ToUsers = string.Join('|', users),
            PayloadJson = SerializePayload(push.Part),
            CreatedAt = now,
            NotBefore = push.NotBefore ?? now,
            Status = OutboxStatus.Pending,
            SourceKey = sourceKey,
            InboxMessageId = push.InboxMessageId,
            CorrelationId = push.CorrelationId,
            // The dispatcher sends it later, elsewhere: the row carries the trace on (see GovBot.Host's GovBotTelemetry).
            TraceContext = push.TraceContext ?? CurrentTraceContext(),
        };
        db.Outbox.Add(row);
        return row;
    }

    /// <summary>
    /// Adds a push to an app-created group chat (appchat/send) to the context; the outbox sends it like any other row.
    /// Null, adding nothing, when a row with <paramref name="sourceKey"/> is already stored or added.
    /// </summary>
    public static async Task<OutboxMessage?> EnqueueChatPushAsync(
        this GovBotDb db, string chatId, ReplyPart part, string sourceKey, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        if (db.Outbox.Local.Any(o => o.SourceKey == sourceKey) || await SourceKeyStored.For(db)(db, sourceKey, ct)) return null;
        var row = new OutboxMessage
        {
            ToUsers = "",
            ChatId = chatId,
            PayloadJson = SerializePayload(part),
            CreatedAt = now,
            NotBefore = now,
            Status = OutboxStatus.Pending,
            SourceKey = sourceKey,
            TraceContext = CurrentTraceContext(),
        };
        db.Outbox.Add(row);
        return row;
    }
}
