namespace GovBot.Skills.Voice;

/// <summary>
/// Section <c>Attachments</c>: the videos and files a resident may send while filing a report. Larger ones, and files of
/// other types, are refused with a kind word and nothing is kept. WeCom itself caps a video at 10 MB and a file at 20 MB.
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public int MaxVideoBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>File name extensions taken (lower case, with the dot); documents and pictures residents actually send.</summary>
    public string[] FileTypes { get; set; } = [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png", ".txt"];
}
