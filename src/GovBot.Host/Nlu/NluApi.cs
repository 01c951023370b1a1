using System.Text.Json.Serialization;
using GovBot.Skills.Nlu;

namespace GovBot.Host.Nlu;

/// <summary>
/// POST /api/nlu/parse in the spirit of Rasa's parse endpoint, so routing quality can be measured from
/// outside. It only reads: no user is created, no dialog touched.
/// </summary>
public static class NluApi
{
    public sealed record ParseRequest(string? Text, string? User);

    public sealed record IntentDto(string Name, double Confidence);

    public sealed record EntityDto(string Entity, string Value, int Start, int End);

    /// <param name="Router">"rules", "classifier" or "llm": which router answered.</param>
    /// <param name="Fallback">Why the rules answered although a model is configured ("timeout", "invalid"…); left out otherwise.</param>
    public sealed record ParseResponse(
        string Text, IntentDto Intent, IReadOnlyList<EntityDto> Entities, string Router,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fallback);

    public const int MaxTextLength = 2000;

    public static RouteGroupBuilder MapNluApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/nlu");
        group.MapPost("/parse", ParseAsync);
        return group;
    }

    private static async Task<IResult> ParseAsync(ParseRequest request, IIntentRouter router, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
            return Results.Problem("请提供要解析的文字（text）。", statusCode: StatusCodes.Status400BadRequest);
        if (request.Text.Length > MaxTextLength)
            return Results.Problem($"文字太长，最多 {MaxTextLength} 字。", statusCode: StatusCodes.Status400BadRequest);

        var result = await router.ParseAsync(request.Text, ct);
        return Results.Ok(new ParseResponse(
            request.Text,
            new IntentDto(result.Intent.Name, Math.Round(result.Intent.Confidence, 3)),
            result.Entities.Select(e => new EntityDto(e.Entity, e.Value, e.Start, e.End)).ToList(),
            result.Router,
            result.Fallback));
    }
}
