using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovBot.Host.Open311;

/// <summary>Writes answers in the asked format with the spec's content types, UTF-8 throughout.</summary>
internal static class Open311Output
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string XmlContentType = "text/xml; charset=utf-8";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Chinese and "+08:00" stay as they are rather than \uXXXX. Relaxed escaping is safe here because the
        // answer is only ever served as application/json, never embedded in a page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A list answer: a JSON array, or the plural root element holding one element per item.</summary>
    public static IResult List<T>(Open311Format format, string rootName, IReadOnlyList<T> items, int status = StatusCodes.Status200OK) =>
        Write(format, rootName, items, status);

    /// <summary>A single object answer (service_definition).</summary>
    public static IResult Single<T>(Open311Format format, string rootName, T item) =>
        Write(format, rootName, item, StatusCodes.Status200OK);

    public static IResult Error(Open311Format format, int status, string description) =>
        // Errors may quote what the caller sent; a number typed there is masked like everywhere else.
        Write<IReadOnlyList<ErrorDto>>(format, "errors", [new ErrorDto(status, GovBot.Skills.Ai.PersonalDataMask.Apply(description))], status);

    private static IResult Write<T>(Open311Format format, string rootName, T payload, int status) =>
        format == Open311Format.Xml
            ? Results.Text(Open311Xml.Write(JsonSerializer.SerializeToElement(payload, JsonOptions), rootName), XmlContentType, status)
            : Results.Text(JsonSerializer.SerializeToUtf8Bytes(payload, JsonOptions), JsonContentType, status);
}
