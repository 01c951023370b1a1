using GovBot.Skills.Voice;

namespace GovBot.Host.Voice;

public static class VoiceHosting
{
    /// <summary>
    /// The host's share of voice messages: their files come through WeCom's media/get. Transcription itself is
    /// <c>AddGovBotVoice</c> (section <c>AI:Speech</c>); needs the WeCom client (<c>AddWeComHosting</c>).
    /// </summary>
    public static IHostApplicationBuilder AddVoiceHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMediaFiles, WeComMediaFiles>();
        return builder;
    }
}
