using System.Globalization;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Voice;

/// <summary>What the gate found of a video or file: why it is refused (Chinese, for the resident), or the name it came with.</summary>
public sealed record AttachmentCheck(string? Refusal, string? FileName);

/// <summary>
/// Looks at a video or file before its turn (fetching it, outside the store's lock, like a voice): too large or of a type
/// not taken, it is refused at once, so nothing is attached that the fetcher would later fail to keep.
/// </summary>
public sealed class AttachmentGate(IEnumerable<IMediaFiles> files, IOptions<AttachmentOptions> options)
{
    private readonly IMediaFiles? _files = files.LastOrDefault();

    public async Task<AttachmentCheck> CheckAsync(IncomingMessage message, CancellationToken ct)
    {
        var what = message.Kind == MessageKind.Video ? "视频" : "文件";
        if (_files is null || string.IsNullOrWhiteSpace(message.MediaId))
            return new AttachmentCheck($"这个{what}没收到，麻烦拍张照片或打几个字说说。", null);
        var file = await _files.FetchAsync(message.MediaId, int.MaxValue, ct);
        if (file is null) return new AttachmentCheck($"这个{what}没收到，麻烦再发一次，或拍张照片。", null);
        var o = options.Value;
        var max = message.Kind == MessageKind.Video ? o.MaxVideoBytes : o.MaxFileBytes;
        if (file.Content.Length > max)
            return new AttachmentCheck($"这个{what}太大了（超过{Megabytes(max)}），没有保存。可以拍张照片，或发个小一点的。", null);
        if (message.Kind == MessageKind.File
            && !o.FileTypes.Contains(Path.GetExtension(file.OriginalName ?? "").ToLowerInvariant(), StringComparer.Ordinal))
            return new AttachmentCheck("这类文件收不了（只收PDF、Word、Excel、图片和文本），没有保存。可以拍张照片或打几个字说说。", null);
        return new AttachmentCheck(null, file.OriginalName);
    }

    private static string Megabytes(int bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "MB"
        : (bytes / 1024).ToString(CultureInfo.InvariantCulture) + "KB";
}
