// Semantic Kernel marks its audio-to-text API experimental (SKEXP0001/0010); it is the seam the issue asks for, and
// the tests run it against a loopback server speaking the real wire format, so a change in it shows up there.
#pragma warning disable SKEXP0001, SKEXP0010
using GovBot.Skills.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace GovBot.Skills.Voice;

/// <summary>
/// Turns a voice message into the words said: fetches its file through the channel (<see cref="IMediaFiles"/>) and
/// sends it to the configured transcription endpoint through Semantic Kernel's <see cref="IAudioToTextService"/>.
/// Never throws for the endpoint's sake: any failure is a <see cref="VoiceHearing"/> with its reason, and the turn asks
/// the resident for a few typed words instead.
/// </summary>
public sealed partial class VoiceListener(
    IEnumerable<IMediaFiles> files,
    IEnumerable<IAudioToTextService> speech,
    IOptions<SpeechOptions> options,
    ILogger<VoiceListener> log)
{
    /// <summary>A transcript longer than this is cut: a 60-second voice is a few hundred characters at most.</summary>
    public const int MaxTranscript = 500;

    private readonly IMediaFiles? _files = files.LastOrDefault();
    private readonly IAudioToTextService? _speech = speech.LastOrDefault();

    /// <summary>Whether voices are transcribed at all; when they are, a voice's turn may wait seconds on the endpoint.</summary>
    public bool Enabled => options.Value.Enabled && _files is not null && _speech is not null;

    public async Task<VoiceHearing> ListenAsync(IncomingMessage message, CancellationToken ct)
    {
        if (!Enabled) return VoiceHearing.Missed(NotHeardReason.NoEndpoint);
        if (string.IsNullOrWhiteSpace(message.MediaId)) return Missed(NotHeardReason.NoFile, message);
        var o = options.Value;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(o.Timeout);
        try
        {
            var file = await _files!.FetchAsync(message.MediaId, o.MaxBytes, budget.Token);
            if (file is null) return Missed(NotHeardReason.NoFile, message);
            // Sent as it came (AMR from WeCom); the file name's extension is how OpenAI-style servers tell the format.
            var settings = new OpenAIAudioToTextExecutionSettings(file.FileName) { Language = o.Language, ResponseFormat = "json" };
            var texts = await _speech!.GetTextContentsAsync(new AudioContent(file.Content, file.ContentType), settings, kernel: null, budget.Token);
            var transcript = string.Concat(texts.Select(t => t.Text)).Trim();
            if (transcript.Length == 0) return Missed(NotHeardReason.Empty, message);
            return VoiceHearing.Heard(transcript.Length > MaxTranscript ? transcript[..MaxTranscript] : transcript);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Missed(NotHeardReason.TimedOut, message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(log, ex, message.CorrelationId);
            return VoiceHearing.Missed(NotHeardReason.Failed);
        }
    }

    private VoiceHearing Missed(NotHeardReason reason, IncomingMessage message)
    {
        LogMissed(log, reason, message.CorrelationId);
        return VoiceHearing.Missed(reason);
    }

    // Never the words: a transcript is the resident's own speech.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice not transcribed ({Reason}), correlation {CorrelationId}; the resident is asked to type. Check AI:Speech if this repeats")]
    private static partial void LogMissed(ILogger logger, NotHeardReason reason, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcription endpoint failed, correlation {CorrelationId}; the resident is asked to type. Check AI:Speech:Endpoint and the server's log")]
    private static partial void LogFailed(ILogger logger, Exception ex, string? correlationId);
}
