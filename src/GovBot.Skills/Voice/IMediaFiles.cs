namespace GovBot.Skills.Voice;

/// <summary>
/// A file as the channel hands it over: bytes, content type, an ASCII name with the right extension to send a voice
/// on under (<see cref="FileName"/>), and the name the sender gave it, if any (<see cref="OriginalName"/>).
/// </summary>
public sealed record MediaFile(byte[] Content, string ContentType, string FileName, string? OriginalName);

/// <summary>Fetches a file a user sent (voice, video, file) by its media id; the host implements it with WeCom's media/get.</summary>
public interface IMediaFiles
{
    /// <summary>The file, or null when the channel refused it or it is larger than <paramref name="maxBytes"/>.</summary>
    Task<MediaFile?> FetchAsync(string mediaId, int maxBytes, CancellationToken ct);
}
