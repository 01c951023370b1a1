namespace GovBot.Host.Open311;

/// <summary>
/// A request the API cannot fulfil, thrown from anywhere below an endpoint and written by the group's filter as
/// the spec's error list in the asked format. Status follows the spec: 404 for what does not exist, 403 for a
/// missing or wrong api_key, 400 for everything else.
/// </summary>
public sealed class Open311Exception(int status, string description) : Exception(description)
{
    public int Status { get; } = status;

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);

    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);

    public static Open311Exception Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);
}
