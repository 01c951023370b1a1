using System.Diagnostics;
using System.Text.Json;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Host.Telemetry;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// One pass over the outbox: sends every due row once, in Id order. A row WeCom could not take now
/// stays Pending with a later NextAttemptAt (never dropped); a row WeCom refuses for good is marked Failed.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    IWeComSendBudget budget,
    StoreWriteGate gate,
    TurnMetrics metrics,
    ILogger<OutboxSender> logger)
{
    private const int MaxErrorLength = 2000;
    private OutboxOptions Options => options.Value;

    /// <summary>Long enough to cover a lapsed claim and its resend; WeCom allows at most four hours.</summary>
    private int DuplicateCheckSeconds => (int)Math.Min((Options.ClaimLease + TimeSpan.FromMinutes(1)).TotalSeconds, TimeSpan.FromHours(4).TotalSeconds);

    /// <summary>Returns how many rows were taken; the pass ends early once WeCom shows it is busy or unreachable.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        // A fresh scope per pass: a DbContext must not live as long as the dispatcher.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var api = scope.ServiceProvider.GetRequiredService<IWeComApi>();

        var now = time.GetUtcNow();
        // PostgreSQL: the due rows are claimed up front in one statement, skipping those another host is claiming.
        var postgres = db.Database.IsPostgres();
        var claimedUntil = now + Options.ClaimLease;
        var due = postgres ? await db.ClaimDueOutboxAsync(now, claimedUntil, Options.RowsPerPass, ct) : await DueAsync(db, now, ct);

        var taken = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var id = due[i];
            if (!postgres && !await ClaimAsync(db, id, ct)) continue;
            taken++;
            var row = await db.Outbox.SingleAsync(o => o.Id == id, ct);
            bool weComHealthy;
            // Sent long after the turn that queued it, maybe by another host: the row's context keeps its trace.
            using (var span = GovBotTelemetry.StartFrom("outbox.push", row.TraceContext, ActivityKind.Producer))
            {
                span?.SetTag("govbot.outbox.id", row.Id);
                weComHealthy = row.Channel == OutboxChannel.CustomerService
                    ? await SendToWeChatUserAsync(scope.ServiceProvider, db, row, ct)
                    : await SendRowAsync(db, api, row, ct);
            }
            // Later rows would meet the same outage or rate limit; hammering it only makes it last.
            if (weComHealthy) continue;
            if (postgres) await db.ReleaseOutboxClaimsAsync(due[(i + 1)..], claimedUntil, now, CancellationToken.None);
            break;
        }
        return taken;
    }

    private async Task<List<long>> DueAsync(GovBotDb db, DateTimeOffset now, CancellationToken ct)
    {
        // Fresh rows and retries come due asked apart: each is one seek on the outbox's index, where asked together
        // ("no retry time, or one passed") SQLite read every pending row, thousands when a member's limit holds many.
        var pending = db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending && o.NotBefore <= now);
        var fresh = await pending.Where(o => o.NextAttemptAt == null)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(Options.RowsPerPass).ToListAsync(ct);
        var retries = await pending.Where(o => o.NextAttemptAt <= now)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(Options.RowsPerPass).ToListAsync(ct);
        return fresh.Concat(retries).Order().Take(Options.RowsPerPass).ToList();
    }

    /// <summary>Takes the row for this instance by pushing its NextAttemptAt out; another instance's claim wins the race.</summary>
    private async Task<bool> ClaimAsync(GovBotDb db, long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? until = now + Options.ClaimLease;
        using var passage = await gate.EnterAsync(ct);
        var claimed = await db.Outbox
            .Where(o => o.Id == id && o.Status == OutboxStatus.Pending && (o.NextAttemptAt == null || o.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, until), ct);
        return claimed == 1;
    }

    /// <returns>False when WeCom failed transiently, so the pass should stop.</returns>
    private async Task<bool> SendRowAsync(GovBotDb db, IWeComApi api, OutboxMessage row, CancellationToken ct)
    {
        ReplyPart part;
        try
        {
            part = OutboxExtensions.DeserializePayload(row.PayloadJson);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            await FailAsync(db, row, $"payload unreadable: {ex.GetType().Name}");
            return true;
        }

        try
        {
            if (row.ChatId is { Length: > 0 } chat) return await SendToChatAsync(db, api, row, chat, part, ct);
            return part is CardUpdate update
                ? await SendUpdateAsync(db, api, row, update, ct)
                : await SendBatchesAsync(db, api, row, part, ct);
        }
        catch (OutboxRenderException ex)
        {
            await FailAsync(db, row, $"cannot render: {ex.Message}");
            return true;
        }
    }

    /// <summary>A WeChat user's row goes through the customer-service channel, which keeps WeCom's 48-hour window.</summary>
    private async Task<bool> SendToWeChatUserAsync(IServiceProvider services, GovBotDb db, OutboxMessage row, CancellationToken ct)
    {
        if (services.GetService<CustomerService.KfOutboxSender>() is not { } kf)
        {
            await FailAsync(db, row, "the customer-service channel is not registered (AddCustomerServiceHosting)");
            return true;
        }
        try
        {
            return await kf.SendAsync(db, row, OutboxExtensions.DeserializePayload(row.PayloadJson), ct);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or OutboxRenderException)
        {
            await FailAsync(db, row, $"cannot send: {ex.GetType().Name} {ex.Message}");
            return true;
        }
    }

    private async Task<bool> SendBatchesAsync(GovBotDb db, IWeComApi api, OutboxMessage row, ReplyPart part, CancellationToken ct)
    {
        var users = row.ToUsers.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length == 0)
        {
            await FailAsync(db, row, "no recipients");
            return true;
        }

        var batches = users.Chunk(WeComMessage.MaxUsersPerCall).ToList();
        var defaultTaskId = $"outbox-{row.Id}-{row.CreatedAt.ToUnixTimeSeconds()}";
        // A long text goes out as several messages, each to every batch, in reading order: every send is one progress
        // entry, so a retry resumes at the first piece and batch not yet sent.
        var pieces = OutboxRenderer.Pieces(part);
        var sends = pieces.Count * batches.Count;
        // Notes from batches sent in an earlier pass are not repeated here; WeComMsgId keeps their msgids.
        var notes = new List<string>();
        for (var s = OutboxProgress.BatchesDone(row.WeComMsgId); s < sends; s++)
        {
            var (piece, i) = Math.DivRem(s, batches.Count);
            var batch = pieces.Count == 1 ? $"batch {i + 1}/{batches.Count}" : $"piece {piece + 1}/{pieces.Count} batch {i + 1}/{batches.Count}";
            DateTimeOffset? notBefore;
            try
            {
                notBefore = await budget.TakeAsync(batches[i], ct);
            }
            catch (SendBudgetUnavailableException ex)
            {
                // Without the shared count a send could pass the limit, which WeCom punishes by dropping messages.
                await RetryLaterAsync(db, row, $"{batch}: {ex.Message}");
                return false;
            }
            if (notBefore is { } allowedAt)
            {
                // Sent now, WeCom would drop it silently; WeCom itself is fine, so other rows may still go.
                await WaitForBudgetAsync(db, row, allowedAt, batch);
                return true;
            }
            // A sender that dies after WeCom accepted a batch but before the row recorded it leaves the row to be
            // claimed again once its lease lapses; WeCom's duplicate check then drops the second copy.
            var message = OutboxRenderer.RenderMessage(pieces[piece], WeComMessage.JoinUsers(batches[i]), defaultTaskId, i) with
            {
                EnableDuplicateCheck = true,
                DuplicateCheckInterval = DuplicateCheckSeconds,
            };
            var attempt = await TrySendAsync(() => api.SendAsync(message, ct));
            if (attempt.Result is not { } result || attempt.IsTransient)
            {
                await RetryLaterAsync(db, row, $"{batch}: {attempt.Error}");
                return false;
            }

            switch (result.Kind)
            {
                case WeComErrorKind.Ok:
                    await budget.RecordAsync(batches[i]);
                    row.WeComMsgId = OutboxProgress.Append(row.WeComMsgId, result.MsgId);
                    NoteUnreached(row, result, batch, notes);
                    break;
                case WeComErrorKind.RecipientsRefused:
                    await budget.RecordAsync(batches[i]);
                    // Only this batch's people were refused; the other batches may well go out.
                    row.WeComMsgId = OutboxProgress.Append(row.WeComMsgId, OutboxProgress.RefusedBatch);
                    notes.Add($"{batch}: {Describe(result)}");
                    NoteUnreached(row, result, batch, notes);
                    logger.LogWarning("Outbox {OutboxId}: WeCom refused the recipients of {Batch}: errcode {ErrCode}", row.Id, batch, result.ErrCode);
                    break;
                default:
                    // The message itself is wrong; every further batch would be refused the same way.
                    await FailAsync(db, row, $"{batch}: {Describe(result)}");
                    return true;
            }
            // Progress is saved before the next batch, and the claim renewed, so a crash or retry resumes here.
            row.NextAttemptAt = time.GetUtcNow() + Options.ClaimLease;
            await SaveAsync(db);
        }

        if (OutboxProgress.AnyDelivered(row.WeComMsgId))
            await MarkSentAsync(db, row, notes);
        else
            await FailAsync(db, row, string.Join("; ", notes), logReason: "WeCom refused the recipients of every batch");
        return true;
    }

    private async Task<bool> SendUpdateAsync(GovBotDb db, IWeComApi api, OutboxMessage row, CardUpdate update, CancellationToken ct)
    {
        var request = OutboxRenderer.RenderUpdate(update);
        var attempt = await TrySendAsync(() => api.UpdateTemplateCardAsync(request, ct));
        if (attempt.Result is not { } result || attempt.IsTransient)
        {
            await RetryLaterAsync(db, row, attempt.Error);
            return false;
        }
        switch (result.Kind)
        {
            case WeComErrorKind.Ok:
                if (result.MsgId is { Length: > 0 } msgId) row.WeComMsgId = msgId;
                var notes = new List<string>();
                NoteUnreached(row, result, "update", notes);
                await MarkSentAsync(db, row, notes);
                return true;
            default:
                // A response_code works once and for 72 hours; a refused one will not become valid.
                await FailAsync(db, row, Describe(result));
                return true;
        }
    }

    /// <summary>WeCom's answer, or none (Result null) when it could not be had; Error describes either.</summary>
    private readonly record struct Attempt(WeComSendResult? Result, string Error)
    {
        public bool IsTransient => Result is null || Result.Kind is WeComErrorKind.Transient or WeComErrorKind.TokenRejected;
    }

    private static async Task<Attempt> TrySendAsync(Func<Task<WeComSendResult>> send)
    {
        try
        {
            var result = await send();
            return new Attempt(result, Describe(result));
        }
        catch (WeComTransientException ex)
        {
            return new Attempt(null, ex.Message);
        }
    }

    private void NoteUnreached(OutboxMessage row, WeComSendResult result, string batch, List<string> notes)
    {
        // User ids go to LastError, which staff see, but never into logs.
        if (result.InvalidUser is { } invalid)
        {
            notes.Add($"{batch}: invaliduser {invalid}");
            logger.LogWarning("Outbox {OutboxId}: {Count} recipients unknown to WeCom in {Batch}", row.Id, invalid.Split('|').Length, batch);
        }
        if (result.UnlicensedUser is { } unlicensed)
        {
            notes.Add($"{batch}: unlicenseduser {unlicensed}");
            logger.LogWarning("Outbox {OutboxId}: {Count} recipients without a WeCom licence in {Batch}", row.Id, unlicensed.Split('|').Length, batch);
        }
    }

    private async Task MarkSentAsync(GovBotDb db, OutboxMessage row, List<string> notes)
    {
        row.Status = OutboxStatus.Sent;
        row.SentAt = time.GetUtcNow();
        // A push made by a member's turn is that member's answer, sent instead of (or after) the passive reply.
        if (row.InboxMessageId is not null) metrics.AnswerPushed();
        row.NextAttemptAt = null;
        row.LastError = notes.Count > 0 ? Truncate(string.Join("; ", notes)) : null;
        await SaveAsync(db);
    }

    /// <summary>Row changes are saved whatever the pass's token says: WeCom has already acted on them.</summary>
    private async Task SaveAsync(GovBotDb db)
    {
        using var passage = await gate.EnterAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Holds the row until WeCom's frequency limits allow its next batch; not a failed attempt.</summary>
    private async Task WaitForBudgetAsync(GovBotDb db, OutboxMessage row, DateTimeOffset allowedAt, string batch)
    {
        row.NextAttemptAt = allowedAt;
        row.LastError = $"{batch}: waits for WeCom's frequency limit until {allowedAt:O}";
        await SaveAsync(db);
        // The member's other waiting rows would meet the same limit: hold them in one statement, so that a flood to
        // one person (a grid worker's cards) does not fill every pass and keep other members' replies waiting.
        var now = time.GetUtcNow();
        using var passage = await gate.EnterAsync(CancellationToken.None);
        await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.ToUsers == row.ToUsers && o.Id != row.Id
                        && (o.NextAttemptAt == null || o.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, allowedAt), CancellationToken.None);
        logger.LogInformation("Outbox {OutboxId}: {Batch} waits for WeCom's frequency limit until {AllowedAt}", row.Id, batch, allowedAt);
    }

    private async Task RetryLaterAsync(GovBotDb db, OutboxMessage row, string error)
    {
        row.Attempts++;
        var delay = OutboxBackoff.Delay(row.Attempts, Options.RetryBaseDelay, Options.RetryMaxDelay, Random.Shared);
        row.NextAttemptAt = time.GetUtcNow() + delay;
        row.LastError = Truncate(error);
        // Saved even when the pass is being cancelled: the attempt happened and must count.
        await SaveAsync(db);
        logger.LogWarning("Outbox {OutboxId}: attempt {Attempt} failed ({Error}); retrying in {Delay}",
            row.Id, row.Attempts, row.LastError, delay);
    }

    /// <param name="logReason">Given when <paramref name="error"/> names users, which must not reach the logs.</param>
    private async Task FailAsync(GovBotDb db, OutboxMessage row, string error, string? logReason = null)
    {
        row.Status = OutboxStatus.Failed;
        row.NextAttemptAt = null;
        row.LastError = Truncate(error);
        await SaveAsync(db);
        logger.LogError("Outbox {OutboxId} failed for good: {Reason}", row.Id, logReason ?? row.LastError);
    }

    private static string Describe(WeComResult result) => $"errcode {result.ErrCode} {result.ErrMsg}".TrimEnd();

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
