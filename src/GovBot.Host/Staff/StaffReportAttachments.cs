using System.Globalization;
using System.Net;
using GovBot.Data.Reports;
using Microsoft.Net.Http.Headers;

namespace GovBot.Host.Staff;

/// <summary>
/// How a report's attachments show on its staff page: a photo inline; a voice, video or file as a link that downloads
/// it (browsers cannot play WeCom's AMR, and a resident's file is never opened inside the staff site).
/// </summary>
internal static class StaffReportAttachments
{
    public static string Html(int reportId, int attachmentId, ReportPhotoKind kind, ReportMediaKind media, string? fileName)
    {
        var src = string.Create(CultureInfo.InvariantCulture, $"/staff/reports/{reportId}/photos/{attachmentId}");
        if (media == ReportMediaKind.Photo)
            return $"<p><img class=\"photo\" alt=\"{(kind == ReportPhotoKind.Result ? "处理结果照片" : "现场照片")}\" src=\"{src}\"></p>";
        var label = media switch
        {
            ReportMediaKind.Voice => "居民的语音（下载后收听）",
            ReportMediaKind.Video => "居民的视频（下载后观看）",
            _ => "居民发来的文件" + (fileName is null ? "" : "：" + WebUtility.HtmlEncode(fileName)),
        };
        return $"<p><a class=\"attachment\" href=\"{src}\" download>{label}</a></p>";
    }

    /// <summary>The bytes as a download: anything but a photo is saved, never shown in the page's origin.</summary>
    public static IResult Download(HttpContext http, ReportPhoto attachment)
    {
        if (attachment.Media == ReportMediaKind.Photo) return Results.Bytes(attachment.Content!, attachment.ContentType ?? "image/jpeg");
        var name = attachment.FileName ?? attachment.Media switch
        {
            ReportMediaKind.Voice => $"voice-{attachment.Id}.amr",
            ReportMediaKind.Video => $"video-{attachment.Id}.mp4",
            _ => $"file-{attachment.Id}",
        };
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        var type = attachment.Media == ReportMediaKind.File ? "application/octet-stream" : attachment.ContentType ?? "application/octet-stream";
        return Results.Bytes(attachment.Content!, type);
    }
}
