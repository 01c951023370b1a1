using System.Net;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Voice;

/// <summary>
/// A voice that cannot be turned into words (no endpoint, the endpoint fails or is too slow) is never a dead end: during a
/// report it is attached for the grid worker to hear and a few typed words are asked for; otherwise a next step is offered.
/// </summary>
public sealed class VoiceFallbackTests
{
    [Fact]
    public async Task Without_an_endpoint_a_voice_during_a_report_is_attached_and_staff_can_download_it()
    {
        await using var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["Reports:Photos:PollInterval"] = "00:00:00.050" });
        var bot = host.Bot;
        await bot.SayAsync(DemoUsers.Resident, "我要反映问题");

        var reply = await VoiceHost.SendVoiceAsync(bot, DemoUsers.Resident, "voice-kept");

        Assert.Contains("语音收到了，已附在这次反映里", reply, StringComparison.Ordinal);
        Assert.Contains("打几个字", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("voice-kept", reply, StringComparison.Ordinal);
        var report = await VoiceHost.ConfirmReportAsync(bot, DemoUsers.Resident, await bot.SayAsync(DemoUsers.Resident, "楼道灯坏了三天了"));
        var voice = Assert.Single(report.Photos);
        Assert.Equal(ReportMediaKind.Voice, voice.Media);

        // Fetched through media/get like a photo, and offered to staff as a download.
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.ReportPhotos.AnyAsync(p => p.FetchedAt != null)),
            because: "the voice should have been fetched");
        using var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync($"/staff/reports/{report.Id}");
        Assert.Contains("居民的语音", page, StringComparison.Ordinal);
        using var download = await admin.GetAsync($"/staff/reports/{report.Id}/photos/{voice.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(VoiceHost.Amr, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Without_an_endpoint_a_voice_outside_a_report_gets_a_kind_next_step()
    {
        await using var host = await VoiceHost.StartAsync(withEndpoint: false);

        var reply = await host.SendVoiceAsync(DemoUsers.Resident, "voice-alone");

        Assert.Contains("打几个字", reply, StringComparison.Ordinal);
        Assert.Contains("菜单", reply, StringComparison.Ordinal);
        Assert.Empty(host.Speech.Requests);
        Assert.Equal(0, await host.Bot.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task When_the_endpoint_fails_the_resident_is_asked_to_type()
    {
        await using var host = await VoiceHost.StartAsync();
        host.Speech.Status = 500;

        var reply = await host.SendVoiceAsync(DemoUsers.Resident, "voice-failed");

        Assert.Single(host.Speech.Requests);
        Assert.DoesNotContain("听到您说", reply, StringComparison.Ordinal);
        Assert.Contains("打几个字", reply, StringComparison.Ordinal);
        Assert.Contains("菜单", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_endpoint_is_too_slow_the_voice_is_kept_with_the_report()
    {
        await using var host = await VoiceHost.StartAsync(timeout: "00:00:00.500");
        host.Speech.Hold = true;
        await host.Bot.SayAsync(DemoUsers.Resident, "我要反映问题");

        var reply = await host.SendVoiceAsync(DemoUsers.Resident, "voice-slow");

        Assert.Single(host.Speech.Requests);
        Assert.Contains("语音收到了，已附在这次反映里", reply, StringComparison.Ordinal);
        var report = await host.ConfirmReportAsync(DemoUsers.Resident, await host.Bot.SayAsync(DemoUsers.Resident, "楼道灯坏了三天了"));
        Assert.Equal(ReportMediaKind.Voice, Assert.Single(report.Photos).Media);
    }
}
