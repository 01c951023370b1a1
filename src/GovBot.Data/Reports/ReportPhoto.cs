namespace GovBot.Data.Reports;

public enum ReportPhotoKind
{
    /// <summary>Sent by the resident with the report.</summary>
    Evidence = 1,
    /// <summary>Sent by the worker with the result.</summary>
    Result = 2,
}

/// <summary>What an attachment holds; the staff page shows a photo inline and offers the others to download.</summary>
public enum ReportMediaKind
{
    Photo = 0,
    /// <summary>A voice message that was not turned into text (no speech endpoint, or it failed): kept for staff to hear.</summary>
    Voice = 1,
    Video = 2,
    File = 3,
}

/// <summary>
/// A photo (or voice, video, file) from the chat. WeCom media ids expire after three days, so the bytes are fetched through
/// the media API soon after the report is filed and kept here.
/// </summary>
public class ReportPhoto
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public ReportPhotoKind Kind { get; set; } = ReportPhotoKind.Evidence;
    /// <summary>Photo unless the resident sent a voice, video or file; all follow the photos' retention.</summary>
    public ReportMediaKind Media { get; set; } = ReportMediaKind.Photo;
    /// <summary>The name a file was sent with (files only), offered when staff download it.</summary>
    public string? FileName { get; set; }
    public required string MediaId { get; set; }
    public string? PicUrl { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public DateTimeOffset? FetchedAt { get; set; }
    public int FetchAttempts { get; set; }
    public string? FetchError { get; set; }
}
