using GovBot.Host.WeCom.Api;
using GovBot.Skills.Voice;

namespace GovBot.Host.Voice;

/// <summary>A voice's, video's or file's bytes through WeCom's media/get, the same call the report photos are fetched with.</summary>
public sealed partial class WeComMediaFiles(IWeComApi wecom, ILogger<WeComMediaFiles> log) : IMediaFiles
{
    public async Task<MediaFile?> FetchAsync(string mediaId, int maxBytes, CancellationToken ct)
    {
        WeComMediaResult result;
        try
        {
            result = await wecom.GetMediaAsync(mediaId, ct);
        }
        catch (WeComTransientException ex)
        {
            LogNotFetched(log, mediaId, ex.Message);
            return null;
        }
        if (!result.IsOk || result.Media is not { Content.Length: > 0 } media)
        {
            LogNotFetched(log, mediaId, $"errcode {result.ErrCode}: {result.ErrMsg}");
            return null;
        }
        if (media.Content.Length > maxBytes)
        {
            LogNotFetched(log, mediaId, $"{media.Content.Length} bytes, more than allowed");
            return null;
        }
        return new MediaFile(media.Content, media.ContentType, FileName(media), media.FileName);
    }

    /// <summary>
    /// Transcription servers tell the format by the file name's extension. WeCom names its voices 「….amr」; when it
    /// does not, the content type decides, and AMR (what WeCom records) is the default.
    /// </summary>
    private static string FileName(WeComMedia media)
    {
        if (media.FileName is { } name && Path.GetExtension(name).Length > 1 && name.All(char.IsAscii)) return name;
        return media.ContentType switch
        {
            "audio/mpeg" or "audio/mp3" => "voice.mp3",
            "audio/wav" or "audio/x-wav" => "voice.wav",
            "audio/ogg" => "voice.ogg",
            "audio/speex" or "audio/x-speex" => "voice.spx",
            _ => "voice.amr",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {MediaId} (voice, video or file) not fetched: {Error}")]
    private static partial void LogNotFetched(ILogger logger, string mediaId, string error);
}
