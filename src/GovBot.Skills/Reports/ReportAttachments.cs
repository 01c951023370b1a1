using System.Globalization;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;

namespace GovBot.Skills.Reports;

/// <summary>
/// Voices, videos and files sent while a report is being filed, kept in one slot of its form until it is filed:
/// 「kind|mediaId|fileName」 entries separated by 「;」 (WeCom media ids hold neither), with a count for the summary.
/// </summary>
internal static class ReportAttachments
{
    /// <summary>Said when a voice could not be turned into words: it is not lost, and typing a few words helps.</summary>
    public const string VoiceKept = "您的语音收到了，已附在这次反映里，网格员能听到。我这会儿听不清语音，麻烦再打几个字说说。";

    /// <summary>More than this many attachments on one report are not kept: nobody films a pothole ten times.</summary>
    public const int MaxPerReport = 9;

    public static DialogState Add(DialogState form, string slot, string mediaId, ReportMediaKind media, string? fileName)
    {
        var entries = Entries(form.Slot(slot));
        if (entries.Count >= MaxPerReport) return form;
        var name = fileName?.Replace(";", "", StringComparison.Ordinal).Replace("|", "", StringComparison.Ordinal);
        entries.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)media}|{mediaId}|{name}"));
        var read = Read(string.Join(';', entries));
        return form.With(slot, string.Join(';', entries)).With(slot + "#", Display(read));
    }

    public static IReadOnlyList<(string MediaId, ReportMediaKind Media, string? FileName)> Read(string? slot) =>
        Entries(slot).Select(e => e.Split('|')).Where(p => p.Length == 3 && int.TryParse(p[0], CultureInfo.InvariantCulture, out _))
            .Select(p => (p[1], (ReportMediaKind)int.Parse(p[0], CultureInfo.InvariantCulture), p[2].Length > 0 ? p[2] : null))
            .ToList();

    private static List<string> Entries(string? slot) => (slot ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Display(IReadOnlyList<(string MediaId, ReportMediaKind Media, string? FileName)> attached) =>
        ReportWording.Attachments(attached.Select(a => new ReportPhoto { MediaId = a.MediaId, Media = a.Media })).TrimStart('\n').TrimStart('附');
}
