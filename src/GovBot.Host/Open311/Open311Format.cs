namespace GovBot.Host.Open311;

/// <summary>The format a client asks for by the resource's extension: requests.json, requests.xml.</summary>
public enum Open311Format
{
    Json,
    Xml,
}

internal static class Open311Formats
{
    public const string RouteValue = "format";

    public static Open311Format? Parse(string? extension) => extension?.ToLowerInvariant() switch
    {
        "json" => Open311Format.Json,
        "xml" => Open311Format.Xml,
        _ => null,
    };

    /// <summary>The format of the current call; JSON when the extension is not one we serve, for the error saying so.</summary>
    public static Open311Format Of(HttpContext http) =>
        Parse(http.Request.RouteValues[RouteValue] as string) ?? Open311Format.Json;
}
