namespace GovBot.Skills.Voice;

/// <summary>
/// Section <c>AI:Speech</c>: an OpenAI-compatible transcription endpoint (<c>POST {Endpoint}/audio/transcriptions</c>:
/// whisper on a local server, or a hosted service). Without an <see cref="Endpoint"/> voice messages are not transcribed:
/// during a report they are attached to it, and the resident is asked for a few words.
/// </summary>
public sealed class SpeechOptions
{
    public const string Section = "AI:Speech";

    /// <summary>Base address of the API, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Local servers take no key, but the client library insists on one, so any text will do there.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "whisper-1";

    /// <summary>Language hint sent with the audio; residents speak Mandarin or Shanxi dialect.</summary>
    public string Language { get; set; } = "zh";

    /// <summary>Fetching the voice and transcribing it, together; past it the resident is asked to type instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A WeCom voice message is at most 60 seconds (about 100 KB of AMR); anything larger is not sent on.</summary>
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    public bool Enabled => Endpoint is not null;
}
