using GovBot.Data.Reports;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Voice;

/// <summary>The real host, and a loopback <see cref="TranscriptionStub"/> it is pointed at unless told otherwise.</summary>
public sealed class VoiceHost : IAsyncDisposable
{
    /// <summary>Stands for an AMR recording: the header every AMR-NB file starts with, then a few frames' worth of bytes.</summary>
    public static readonly byte[] Amr = [.. "#!AMR\n"u8, 0x3C, 0x48, 0xF5, 0x1F, 0x96, 0x66, 0x78, 0x00, 0x00, 0x3C, 0x55, 0x00, 0x88, 0xB6];

    private VoiceHost(BotHost bot, TranscriptionStub speech)
    {
        Bot = bot;
        Speech = speech;
    }

    public BotHost Bot { get; }
    public TranscriptionStub Speech { get; }

    public static async Task<VoiceHost> StartAsync(bool withEndpoint = true, string timeout = "00:00:10", IDictionary<string, string?>? settings = null)
    {
        var speech = await TranscriptionStub.StartAsync();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Reports:Photos:PollInterval"] = "00:00:00.050",
        };
        if (withEndpoint)
        {
            all["AI:Speech:Endpoint"] = speech.Endpoint;
            all["AI:Speech:Model"] = "whisper-large-v3";
            all["AI:Speech:ApiKey"] = "speech-key";
            all["AI:Speech:Timeout"] = timeout;
        }
        return new VoiceHost(await BotHost.StartAsync(settings: all), speech);
    }

    /// <summary>What <paramref name="user"/> sees after sending the voice the stand-in serves as <paramref name="mediaId"/>.</summary>
    public Task<string> SendVoiceAsync(string user, string mediaId) => SendVoiceAsync(Bot, user, mediaId);

    public static async Task<string> SendVoiceAsync(BotHost bot, string user, string mediaId)
    {
        bot.StandIn.AddMedia(mediaId, Amr, "audio/amr", mediaId + ".amr");
        return await bot.ReplyToAsync(user, () => bot.WeCom.SendVoiceAsync(user, mediaId));
    }

    /// <summary>Answers the report's questions (place, then 「是」) until it is filed; returns it with its attachments.</summary>
    public Task<Report> ConfirmReportAsync(string user, string reply) => ConfirmReportAsync(Bot, user, reply);

    public static async Task<Report> ConfirmReportAsync(BotHost bot, string user, string reply)
    {
        for (var i = 0; i < 4 && !reply.Contains("已上报", StringComparison.Ordinal); i++)
            reply = await bot.SayAsync(user, reply.Contains("在哪儿", StringComparison.Ordinal) ? "5号楼" : "是");
        Assert.Contains("已上报", reply, StringComparison.Ordinal);
        return await bot.WithDbAsync(db => db.Reports.Include(r => r.Category).Include(r => r.Photos).SingleAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Speech.DisposeAsync();
    }
}
