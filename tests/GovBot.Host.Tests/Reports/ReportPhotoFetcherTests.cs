using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Reports;

/// <summary>A photo sent with a report is fetched through WeCom's media/get and kept with the report.</summary>
public sealed class ReportPhotoFetcherTests : IAsyncLifetime
{
    private const int MaxAttempts = 4;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Reports:Photos:PollInterval"] = "00:00:00.050",
        // Tries at about 0, 0.2, 0.6 and 1.4 seconds.
        ["Reports:Photos:RetryAfter"] = "00:00:00.200",
        ["Reports:Photos:MaxAttempts"] = MaxAttempts.ToString(),
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_photo_sent_with_a_report_is_stored_with_it()
    {
        _bot.StandIn.AddMedia("media-lamp", Jpeg, "image/jpeg", "路灯.jpg");

        await FileWithPhotoAsync("media-lamp");

        var photo = await EventuallyFetchedAsync();
        Assert.Equal(Jpeg, photo.Content);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(1, photo.FetchAttempts);
        Assert.Null(photo.FetchError);
        Assert.Equal("S1001", photo.Report!.Ticket);
        Assert.Equal(ReportPhotoKind.Evidence, photo.Kind);
    }

    [Fact]
    public async Task A_refused_media_id_is_tried_again_and_its_error_stays_on_the_photo()
    {
        await FileWithPhotoAsync("media-gone");

        await BotHost.EventuallyAsync(() => _bot.WithDbAsync(db => db.ReportPhotos.AnyAsync(p => p.FetchAttempts == MaxAttempts)),
            because: "the fetcher should have tried every allowed time");
        // A further try must not come, however long the fetcher keeps running.
        await BotHost.ConsistentlyAsync(async () => !await _bot.WithDbAsync(db => db.ReportPhotos.AnyAsync(p => p.FetchAttempts > MaxAttempts)));
        var photo = await _bot.WithDbAsync(db => db.ReportPhotos.SingleAsync());
        Assert.Equal("media-gone", photo.MediaId);
        Assert.Equal(MaxAttempts, photo.FetchAttempts);
        Assert.Null(photo.Content);
        Assert.Null(photo.FetchedAt);
        Assert.Contains("40007", photo.FetchError);
    }

    [Fact]
    public async Task A_photo_that_fails_first_is_stored_on_a_later_try()
    {
        await FileWithPhotoAsync("media-late");
        await BotHost.EventuallyAsync(() => _bot.WithDbAsync(db => db.ReportPhotos.AnyAsync(p => p.FetchAttempts >= 1)));
        _bot.StandIn.AddMedia("media-late", Jpeg, "image/jpeg", "late.jpg");

        var photo = await EventuallyFetchedAsync();
        Assert.Equal(Jpeg, photo.Content);
        Assert.InRange(photo.FetchAttempts, 2, MaxAttempts);
        Assert.Null(photo.FetchError);
    }

    private async Task FileWithPhotoAsync(string mediaId)
    {
        await _bot.WeCom.SendImageAsync(DemoUsers.Resident, mediaId, "https://example.invalid/p.jpg");
        await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "5号楼门口的路灯坏了，晚上黑漆漆的");
        await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        await BotHost.EventuallyAsync(() => _bot.WithDbAsync(db => db.Reports.AnyAsync(r => r.Photos.Count == 1)),
            because: "the report with its photo should have been filed");
    }

    private async Task<ReportPhoto> EventuallyFetchedAsync()
    {
        await BotHost.EventuallyAsync(() => _bot.WithDbAsync(db => db.ReportPhotos.AnyAsync(p => p.FetchedAt != null)),
            because: "the photo should have been fetched");
        return await _bot.WithDbAsync(db => db.ReportPhotos.Include(p => p.Report).SingleAsync());
    }
}
