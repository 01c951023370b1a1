namespace GovBot.Data.Places;

public enum ServiceStationKind
{
    /// <summary>党群服务中心 of a community.</summary>
    PartyServiceCenter = 1,
    /// <summary>小区党群服务站.</summary>
    PartyServiceStation = 2,
    /// <summary>暖新驿站 for couriers and outdoor workers.</summary>
    RestStop = 3,
}

public class ServiceStation
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public ServiceStationKind Kind { get; set; }
    public required string Name { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public required string Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>China Standard Time, same hours every day of <see cref="OpenDays"/>.</summary>
    public TimeOnly OpensAt { get; set; }
    public TimeOnly ClosesAt { get; set; }
    /// <summary>Days open as ISO numbers 1 (Monday) to 7 (Sunday), e.g. "1234567".</summary>
    public string OpenDays { get; set; } = "1234567";
    /// <summary>What the station offers, for people to read: "饮水、充电、取暖".</summary>
    public string? Services { get; set; }
    /// <summary>GCJ-02, like <see cref="Compound.Latitude"/>; null when not known.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}
