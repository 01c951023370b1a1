using System.Collections.Concurrent;
using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Reports;

/// <summary>
/// Keeps the photos of reports: WeCom forgets a media id after three days, so every photo not yet
/// fetched is downloaded through media/get and its bytes stored with the report. A failure is counted
/// and its error kept on the row, and the photo is tried again later (backing off) until
/// <see cref="ReportPhotoOptions.MaxAttempts"/>; then the row stays as it is for staff to see.
/// </summary>
/// <remarks>
/// Polls rather than waiting for a signal: photos arrive inside a turn's transaction, and a short
/// indexed query every few seconds is simpler than telling this service when that commits.
/// </remarks>
public sealed partial class ReportPhotoFetcher(
    IDbContextFactory<GovBotDb> dbs,
    IWeComApi wecom,
    TimeProvider time,
    IOptions<ReportPhotoOptions> options,
    ILogger<ReportPhotoFetcher> log) : BackgroundService
{
    private const int MaxErrorLength = 500;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Photos that failed, with when to try them next. In memory: after a restart they are simply tried at once.</summary>
    private readonly ConcurrentDictionary<int, DateTimeOffset> _backingOff = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up host start with the first pass
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await FetchDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // E.g. the store is locked: the rows are untouched and the next pass tries again.
                    LogPassFailed(log, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Fetches the photos due now; returns how many were stored.</summary>
    internal async Task<int> FetchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (id, at) in _backingOff)
            if (at <= now) _backingOff.TryRemove(id, out _);
        var waiting = _backingOff.Keys.ToList();
        var o = options.Value;

        await using var db = await dbs.CreateDbContextAsync(ct);
        var due = await db.ReportPhotos
            .Where(p => p.FetchedAt == null && p.FetchAttempts < o.MaxAttempts && !waiting.Contains(p.Id))
            .OrderBy(p => p.Id).Take(o.BatchSize)
            .Select(p => new { p.Id, p.MediaId }).ToListAsync(ct);

        var stored = 0;
        foreach (var photo in due)
            if (await FetchAsync(db, photo.Id, photo.MediaId, ct)) stored++;
        return stored;
    }

    private async Task<bool> FetchAsync(GovBotDb db, int id, string mediaId, CancellationToken ct)
    {
        WeComMedia? media = null;
        string? error;
        try
        {
            var result = await wecom.GetMediaAsync(mediaId, ct);
            media = result.IsOk ? result.Media : null;
            error = result.IsOk
                ? media is { Content.Length: > 0 } ? null : "WeCom returned an empty file"
                : $"errcode {result.ErrCode}: {result.ErrMsg}";
        }
        catch (WeComTransientException ex)
        {
            error = ex.Message;
        }

        var row = await db.ReportPhotos.FirstAsync(p => p.Id == id, ct);
        row.FetchAttempts++;
        var now = time.GetUtcNow();
        if (error is null)
        {
            row.Content = media!.Content;
            row.ContentType = media.ContentType;
            row.FetchedAt = now;
            row.FetchError = null;
        }
        else
        {
            row.FetchError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            _backingOff[id] = now + Backoff(row.FetchAttempts);
            LogFetchFailed(log, id, mediaId, row.FetchAttempts, row.FetchError);
        }
        await db.SaveChangesAsync(ct);
        return error is null;
    }

    private TimeSpan Backoff(int attempts)
    {
        var wait = options.Value.RetryAfter * Math.Pow(2, Math.Min(attempts - 1, 20));
        return wait < MaxBackoff ? wait : MaxBackoff;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Photo {PhotoId} (media {MediaId}) not fetched, attempt {Attempts}: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, int photoId, string mediaId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Photo fetch pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception ex);
}
