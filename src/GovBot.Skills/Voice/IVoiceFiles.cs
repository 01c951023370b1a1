namespace GovBot.Skills.Voice;

/// <summary>A voice file as the channel hands it over: bytes, content type and the name to send it under.</summary>
public sealed record VoiceFile(byte[] Content, string ContentType, string FileName);

/// <summary>Fetches a voice message's file by its media id; the host implements it with WeCom's media/get.</summary>
public interface IVoiceFiles
{
    /// <summary>The file, or null when the channel refused it or it is larger than <paramref name="maxBytes"/>.</summary>
    Task<VoiceFile?> FetchAsync(string mediaId, int maxBytes, CancellationToken ct);
}
