using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Voice;

/// <summary>A voice message, fetched through media/get and transcribed by an OpenAI-style endpoint, is handled as typed.</summary>
public sealed class VoiceTranscriptionTests : IAsyncLifetime
{
    private VoiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VoiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_voice_complaint_becomes_a_ticket_and_the_reply_says_what_was_heard()
    {
        _host.Speech.Text = "楼道灯坏了三天了";

        var reply = await _host.SendVoiceAsync(DemoUsers.Resident, "voice-lamp");

        Assert.StartsWith("听到您说：「楼道灯坏了三天了」", reply, StringComparison.Ordinal);
        var report = await _host.ConfirmReportAsync(DemoUsers.Resident, reply);
        Assert.Equal("楼道灯坏了三天了", report.Description);
        Assert.Equal("设施损坏", report.Category!.Name);
        // The words stood in for the voice: nothing is kept to hear.
        Assert.Empty(report.Photos);

        // The endpoint got the very bytes the stand-in served, as the AMR file WeCom recorded, with the configured model.
        var request = Assert.Single(_host.Speech.Requests);
        Assert.Equal(VoiceHost.Amr, request.Audio);
        Assert.EndsWith(".amr", request.FileName, StringComparison.Ordinal);
        Assert.Equal("whisper-large-v3", request.Model);
        Assert.Equal("zh", request.Language);
        Assert.Equal("Bearer speech-key", request.Authorization);
        Assert.Single(_host.Bot.StandIn.CallsTo("media/get"));
    }

    [Fact]
    public async Task A_voice_yes_at_the_summary_files_the_report()
    {
        var summary = await _host.Bot.SayAsync(DemoUsers.Resident, "5号楼门口的路灯坏了，晚上黑漆漆的");
        Assert.Contains("要上报的问题", summary, StringComparison.Ordinal);
        _host.Speech.Text = "是的。";

        var reply = await _host.SendVoiceAsync(DemoUsers.Resident, "voice-yes");

        Assert.Contains("听到您说：「是的。」", reply, StringComparison.Ordinal);
        Assert.Contains("已上报", reply, StringComparison.Ordinal);
        Assert.Equal(1, await _host.Bot.WithDbAsync(db => Task.FromResult(db.Reports.Count())));
    }
}
