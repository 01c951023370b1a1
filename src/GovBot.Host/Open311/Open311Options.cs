namespace GovBot.Host.Open311;

/// <summary>Settings of the Open311 GeoReport v2 API, bound from the "Open311" section.</summary>
public sealed class Open311Options
{
    public const string SectionName = "Open311";

    /// <summary>Shorter keys are refused at start: a key is the only thing between the internet and a grid worker's phone.</summary>
    public const int MinKeyLength = 16;

    /// <summary>
    /// County systems allowed to file reports. Seeded into Open311Client rows at start, keeping only the
    /// SHA-256 of each key; an entry with Active false revokes a key provisioned earlier.
    /// </summary>
    public List<Open311ClientSetting> Clients { get; set; } = [];

    /// <summary>
    /// When set, a request naming another jurisdiction_id is answered 404; requests without one are served.
    /// When unset, jurisdiction_id is ignored, as the spec allows for a single-jurisdiction endpoint.
    /// </summary>
    public string? JurisdictionId { get; set; }

    /// <summary>
    /// GeoReport v2 lets anyone read requests, but residents' words and buildings are personal data under PIPL,
    /// so every GET needs a valid api_key unless a county decides to publish them by turning this on.
    /// Phone and ID numbers are masked in every answer either way.
    /// </summary>
    public bool PublicReads { get; set; }

    /// <summary>The largest POST body read; larger is answered 413 before any of it is buffered.</summary>
    public const int MaxFormBytes = 64 * 1024;
}

/// <summary>One client in "Open311:Clients": a name for the people reading reports, and its API key.</summary>
public sealed class Open311ClientSetting
{
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public bool Active { get; set; } = true;
}
