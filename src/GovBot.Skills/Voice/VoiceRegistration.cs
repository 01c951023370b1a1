// Semantic Kernel marks its audio-to-text API experimental (SKEXP0001/0010); it is the seam the issue asks for, and
// the tests run it against a loopback server speaking the real wire format, so a change in it shows up there.
#pragma warning disable SKEXP0001, SKEXP0010
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace GovBot.Skills.Voice;

public static class VoiceRegistration
{
    /// <summary>
    /// Voice messages: the <see cref="VoiceListener"/> always (it says "not heard" without an endpoint), and Semantic
    /// Kernel's OpenAI audio-to-text service when <c>AI:Speech:Endpoint</c> is set. The channel adds the
    /// <see cref="IMediaFiles"/> that fetches a voice's file.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotVoice(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<VoiceListener>();
        var section = builder.Configuration.GetSection(SpeechOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(SpeechOptions.Endpoint)])) return builder;

        services.AddOptions<SpeechOptions>().Bind(section)
            .Validate(o => o.Endpoint is { IsAbsoluteUri: true } e && (e.Scheme == Uri.UriSchemeHttp || e.Scheme == Uri.UriSchemeHttps),
                "AI:Speech:Endpoint must be an absolute http(s) address.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Model), "AI:Speech:Model is required with AI:Speech:Endpoint.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(2), "AI:Speech:Timeout must be between 0 and 2 minutes.")
            .Validate(o => o.MaxBytes is > 0 and <= 25 * 1024 * 1024, "AI:Speech:MaxBytes must be between 1 byte and 25 MB (OpenAI's own limit).")
            .ValidateOnStart();
        services.AddSingleton<IAudioToTextService>(sp => Build(sp.GetRequiredService<IOptions<SpeechOptions>>().Value));
        return builder;
    }

    private static OpenAIAudioToTextService Build(SpeechOptions o)
    {
        var client = new OpenAIClient(
            // Local servers take no key, but the client refuses to start without one.
            new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "none" : o.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = o.Endpoint,
                // The resident is waiting: one try within the timeout, then the kind request to type.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = o.Timeout,
            });
        // No logger factory: the connector's own logs could carry the resident's words.
        return new OpenAIAudioToTextService(o.Model, client);
    }
}
