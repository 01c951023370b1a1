using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Handoff;

/// <summary>A handoff card already sent and not yet answered: when, and to whom (WeCom user ids).</summary>
public sealed record PendingHandoff(HandoffTicket Ticket, DateTimeOffset SentAt, IReadOnlyList<string> To);

/// <summary>
/// The record of handoffs, kept in the outbox rather than a table of its own: the card a person got is the proof that
/// the message was passed to them, and the answer row (its key names the answerer) that it was answered. Every row has a
/// stable source key (<see cref="HandoffTicket"/>), so a turn run twice pushes once, and the dispatcher retries them.
/// Writes join the turn's unit of work; the caller saves. A turn that writes runs inside the store's write transaction,
/// so "not answered yet, answer it" is one step even when two workers answer at the same moment.
/// </summary>
public sealed class HandoffLedger(GovBotDb db)
{
    /// <summary>The resident's newest handoff sent since <paramref name="since"/> that nobody has answered yet.</summary>
    public async Task<PendingHandoff?> UnansweredSinceAsync(int residentId, DateTimeOffset since, CancellationToken ct)
    {
        var rows = await Under(HandoffTicket.ResidentPrefix(residentId))
            .Where(o => o.CreatedAt >= since)
            .Select(o => new { o.SourceKey, o.ToUsers, o.CreatedAt })
            .ToListAsync(ct);
        foreach (var card in rows.Where(r => r.SourceKey!.EndsWith(":card", StringComparison.Ordinal)).OrderByDescending(r => r.CreatedAt))
        {
            var ticket = TicketOf(card.SourceKey!, residentId);
            if (ticket is null || rows.Any(r => ticket.Value.AnswererIn(r.SourceKey) is not null)) continue;
            return new PendingHandoff(ticket.Value, card.CreatedAt, card.ToUsers.Split('|'));
        }
        return null;
    }

    /// <summary>Who got the card of this handoff (WeCom user ids), or null when no such card was sent.</summary>
    public async Task<IReadOnlyList<string>?> RecipientsAsync(HandoffTicket ticket, CancellationToken ct)
    {
        var to = await db.Outbox.AsNoTracking().Where(o => o.SourceKey == ticket.CardKey).Select(o => o.ToUsers).FirstOrDefaultAsync(ct);
        return to?.Split('|');
    }

    /// <summary>The person id of whoever answered this handoff, or null while nobody has.</summary>
    public async Task<int?> AnswererAsync(HandoffTicket ticket, CancellationToken ct)
    {
        var key = await Under(ticket.AnswerPrefix).Select(o => o.SourceKey).FirstOrDefaultAsync(ct);
        return ticket.AnswererIn(key);
    }

    /// <summary>Sends the card to the desk, with the whole message as a text after it when the card cannot hold it.</summary>
    public async Task ForwardAsync(HandoffTicket ticket, CardPart card, string? fullText, IReadOnlyList<Person> to, DateTimeOffset now, CancellationToken ct)
    {
        db.EnsureWritable();
        var users = to.Select(p => p.WeComUserId).Distinct().ToList();
        await db.EnqueuePushAsync(new OutboxPush(card, users) { SourceKey = ticket.CardKey }, now, ct);
        if (fullText is not null)
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(fullText), users) { SourceKey = ticket.FullTextKey }, now, ct);
    }

    /// <summary>
    /// Pushes the answer to the resident and, when the tap gave a response code, greys out the 回复 button on every copy
    /// of the card so that the other recipients see it was answered.
    /// </summary>
    public async Task AnswerAsync(HandoffTicket ticket, Person answerer, Person resident, string text, CardUpdate? closeCard, DateTimeOffset now, CancellationToken ct)
    {
        db.EnsureWritable();
        await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [resident.WeComUserId]) { SourceKey = ticket.AnswerKey(answerer.Id) }, now, ct);
        if (closeCard is not null)
            await db.EnqueuePushAsync(new OutboxPush(closeCard, []) { SourceKey = ticket.CardClosedKey }, now, ct);
    }

    /// <summary>
    /// Rows whose source key starts with <paramref name="prefix"/>, as a range on the unique index over the key
    /// (prefix ≤ key &lt; prefix with its last character raised): the outbox keeps every push ever made, and a LIKE or a
    /// substring would read all of them.
    /// </summary>
    private IQueryable<OutboxMessage> Under(string prefix)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return db.Outbox.AsNoTracking()
            .Where(o => o.SourceKey != null && string.Compare(o.SourceKey, prefix) >= 0 && string.Compare(o.SourceKey, end) < 0);
    }

    private static HandoffTicket? TicketOf(string cardKey, int residentId)
    {
        var prefix = HandoffTicket.ResidentPrefix(residentId);
        var stamp = cardKey.AsSpan(prefix.Length, cardKey.Length - prefix.Length - ":card".Length);
        return long.TryParse(stamp, out var s) ? new HandoffTicket(residentId, s) : null;
    }
}
