using System.Net;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Voice;

/// <summary>Videos and files sent while filing a report are attached to it like photos, within stated limits.</summary>
public sealed class AttachmentTests
{
    private static readonly byte[] Mp4 = [0x00, 0x00, 0x00, 0x18, .. "ftypmp42"u8, 0x00, 0x00, 0x00, 0x00, .. "mp42isom"u8, 0x00, 0x00, 0x00, 0x08];
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n%%EOF\n"u8];

    [Fact]
    public async Task A_video_and_a_file_sent_during_a_report_are_kept_and_staff_can_download_them()
    {
        await using var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["Reports:Photos:PollInterval"] = "00:00:00.050" });
        var bot = host.Bot;
        await bot.SayAsync(DemoUsers.Resident, "我要反映问题");

        var video = await SendAsync(bot, "video", "video-leak", Mp4, "video/mp4", "video-leak.mp4");
        var file = await SendAsync(bot, "file", "file-notice", Pdf, "application/pdf", "物业通知.pdf");

        Assert.Contains("视频收到了，已附在这次反映里", video, StringComparison.Ordinal);
        Assert.Contains("文件收到了，已附在这次反映里", file, StringComparison.Ordinal);
        var report = await VoiceHost.ConfirmReportAsync(bot, DemoUsers.Resident, await bot.SayAsync(DemoUsers.Resident, "楼道水管漏水了"));
        Assert.Equal([ReportMediaKind.Video, ReportMediaKind.File], report.Photos.OrderBy(p => p.Id).Select(p => p.Media));
        Assert.Equal("物业通知.pdf", report.Photos.Single(p => p.Media == ReportMediaKind.File).FileName);

        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.ReportPhotos.CountAsync(p => p.FetchedAt != null).ContinueWith(t => t.Result == 2)),
            because: "the video and the file should have been fetched");
        using var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync($"/staff/reports/{report.Id}");
        Assert.Contains("居民的视频", page, StringComparison.Ordinal);
        Assert.Contains("物业通知.pdf", page, StringComparison.Ordinal);
        var pdf = report.Photos.Single(p => p.Media == ReportMediaKind.File);
        using var download = await admin.GetAsync($"/staff/reports/{report.Id}/photos/{pdf.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_video_too_large_or_a_file_of_another_type_is_refused_and_nothing_is_kept()
    {
        await using var host = await VoiceHost.StartAsync(withEndpoint: false, settings: new Dictionary<string, string?> { ["Attachments:MaxVideoBytes"] = "16" });
        var bot = host.Bot;
        await bot.SayAsync(DemoUsers.Resident, "我要反映问题");

        var video = await SendAsync(bot, "video", "video-big", Mp4, "video/mp4", "video-big.mp4");
        var file = await SendAsync(bot, "file", "file-exe", Pdf, "application/octet-stream", "setup.exe");

        Assert.Contains("视频太大了", video, StringComparison.Ordinal);
        Assert.Contains("没有保存", video, StringComparison.Ordinal);
        Assert.Contains("这类文件收不了", file, StringComparison.Ordinal);
        var report = await VoiceHost.ConfirmReportAsync(bot, DemoUsers.Resident, await bot.SayAsync(DemoUsers.Resident, "楼道水管漏水了"));
        Assert.Empty(report.Photos);
    }

    [Fact]
    public async Task A_video_outside_a_report_gets_a_kind_next_step()
    {
        await using var host = await VoiceHost.StartAsync(withEndpoint: false);

        var reply = await SendAsync(host.Bot, "video", "video-alone", Mp4, "video/mp4", "video-alone.mp4");

        Assert.Contains("反映问题时发给我", reply, StringComparison.Ordinal);
        Assert.Contains("菜单", reply, StringComparison.Ordinal);
        Assert.Equal(0, await host.Bot.WithDbAsync(db => db.Reports.CountAsync()));
    }

    private static async Task<string> SendAsync(BotHost bot, string msgType, string mediaId, byte[] content, string contentType, string fileName)
    {
        bot.StandIn.AddMedia(mediaId, content, contentType, fileName);
        return await bot.ReplyToAsync(DemoUsers.Resident, () => bot.WeCom.SendMediaAsync(DemoUsers.Resident, msgType, mediaId));
    }
}
