using GovBot.Data.Reports;

namespace GovBot.Skills.Reports;

/// <summary>How reports read to residents and workers: short Chinese for a phone screen.</summary>
public static class ReportWording
{
    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Reported => "已上报，等待受理",
        ReportStatus.Accepted => "已受理，正在处理",
        ReportStatus.Deliberating => "协商中",
        ReportStatus.Handled => "已办结，等您评价",
        ReportStatus.Rated => "已评价",
        ReportStatus.Rejected => "已驳回",
        _ => "处理中",
    };

    public static string Place(Report r) =>
        Place(r.Compound?.Name, r.Building?.Name, r.PlaceNote, r.LocationLabel) ?? r.Community?.Name ?? "";

    /// <summary>The place from its parts; null when there is none, and the community is all there is to say.</summary>
    public static string? Place(string? compound, string? building, string? note, string? label)
    {
        var place = (compound ?? "") + (building ?? "");
        if (note is { Length: > 0 }) place += (place.Length > 0 ? " " : "") + note;
        if (place.Length == 0 && label is { Length: > 0 }) place = label;
        return place.Length > 0 ? place : null;
    }

    /// <summary>"张丽" → "张女士/先生" is guesswork; "张*" hides the name without guessing.</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? "居民" : name.Length == 1 ? name : name[0] + new string('*', Math.Min(name.Length - 1, 2));

    public static string Stars(int? stars) => stars switch
    {
        5 => "很满意",
        4 => "满意",
        3 => "一般",
        2 => "不满意",
        1 => "很不满意",
        _ => "未评价（视为认可）",
    };

    /// <summary>"2小时"、"1天3小时"、"25分钟": the two largest units are all a reader needs.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return "不到1分钟";
        if (span.Days > 0) return $"{span.Days}天" + (span.Hours > 0 ? $"{span.Hours}小时" : "");
        if (span.Hours > 0) return $"{span.Hours}小时" + (span.Minutes > 0 ? $"{span.Minutes}分钟" : "");
        return $"{span.Minutes}分钟";
    }

    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("M月d日 HH:mm");

    /// <summary>「\n附照片 2 张、语音 1 条」 for a worker's card; empty when nothing is attached.</summary>
    public static string Attachments(IEnumerable<ReportPhoto> attached)
    {
        var counts = attached.GroupBy(a => a.Media).ToDictionary(g => g.Key, g => g.Count());
        var parts = new List<string>();
        if (counts.GetValueOrDefault(ReportMediaKind.Photo) is > 0 and var photos) parts.Add($"照片 {photos} 张");
        if (counts.GetValueOrDefault(ReportMediaKind.Voice) is > 0 and var voices) parts.Add($"语音 {voices} 条");
        if (counts.GetValueOrDefault(ReportMediaKind.Video) is > 0 and var videos) parts.Add($"视频 {videos} 段");
        if (counts.GetValueOrDefault(ReportMediaKind.File) is > 0 and var files) parts.Add($"文件 {files} 个");
        return parts.Count == 0 ? "" : "\n附" + string.Join("、", parts);
    }
}
