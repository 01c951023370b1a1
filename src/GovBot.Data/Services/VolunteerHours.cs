using GovBot.Data.People;

namespace GovBot.Data.Services;

/// <summary>
/// Hours an organiser confirmed for a volunteer. The points ledger turns these into points; SourceKind and
/// SourceId (unique per person) let it do so once however often it reads them.
/// </summary>
public class VolunteerHours
{
    public const string TaskSource = "volunteer_task";

    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string SourceKind { get; set; }
    public int SourceId { get; set; }
    public int Minutes { get; set; }
    public bool Attended { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
    public int ConfirmedById { get; set; }
}
