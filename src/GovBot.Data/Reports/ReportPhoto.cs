namespace GovBot.Data.Reports;

public enum ReportPhotoKind
{
    /// <summary>Sent by the resident with the report.</summary>
    Evidence = 1,
    /// <summary>Sent by the worker with the result.</summary>
    Result = 2,
}

/// <summary>
/// A photo from the chat. WeCom media ids expire after three days, so the bytes are fetched through
/// the media API soon after the report is filed and kept here.
/// </summary>
public class ReportPhoto
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public ReportPhotoKind Kind { get; set; } = ReportPhotoKind.Evidence;
    public required string MediaId { get; set; }
    public string? PicUrl { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public DateTimeOffset? FetchedAt { get; set; }
    public int FetchAttempts { get; set; }
    public string? FetchError { get; set; }
}
