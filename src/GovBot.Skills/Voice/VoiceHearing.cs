namespace GovBot.Skills.Voice;

/// <summary>Why a voice message was not turned into text; operators see it in the log, residents only a kind request to type.</summary>
public enum NotHeardReason
{
    /// <summary>No transcription endpoint is configured.</summary>
    NoEndpoint,
    /// <summary>The file could not be fetched, or was too large.</summary>
    NoFile,
    /// <summary>The endpoint refused or failed.</summary>
    Failed,
    /// <summary>The endpoint did not answer within <see cref="SpeechOptions.Timeout"/>.</summary>
    TimedOut,
    /// <summary>The endpoint answered, but with no words (silence, noise).</summary>
    Empty,
}

/// <summary>What came of listening to a voice message: the words heard, or why none.</summary>
public sealed record VoiceHearing(string? Transcript, NotHeardReason? NotHeard)
{
    public static VoiceHearing Heard(string transcript) => new(transcript, null);

    public static VoiceHearing Missed(NotHeardReason reason) => new(null, reason);
}
