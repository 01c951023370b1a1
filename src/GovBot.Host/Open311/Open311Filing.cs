using System.Globalization;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Reports;
using GovBot.Skills.Reports;

namespace GovBot.Host.Open311;

/// <summary>
/// POST requests: reads the spec's form fields into a <see cref="NewReport"/> and files it through
/// <see cref="ReportService"/>, the same routing and worker card a report from the chat gets.
/// </summary>
public sealed partial class Open311Filing(
    GovBotDb db, ReportService reports, Open311Catalog catalog, Open311Locator locator, IOutboxSignal outbox, ILogger<Open311Filing> log)
{
    public const string Source = "open311";

    /// <summary>The spec allows 4,000 characters; the store and the worker's card hold 2,000.</summary>
    public const int MaxDescriptionLength = 2000;

    private const int MaxFieldLength = 100, MaxUrlLength = 1000, MaxLabelLength = 200;

    public async Task<CreatedRequestDto> FileAsync(Open311Client client, IFormCollection form, CancellationToken ct)
    {
        var category = await catalog.FindAsync(form["service_code"], ct);
        var description = Field(form, "description", MaxDescriptionLength) ?? category.Name;
        var (lat, lng) = Coordinates(form);
        var addressString = Field(form, "address_string", MaxLabelLength);
        var place = await locator.LocateAsync(
            new Open311LocationInput(Field(form, "address_id", MaxFieldLength), addressString,
                Field(form, $"attribute[{ServiceMapping.CommunityAttribute}]", MaxFieldLength), lat is not null), ct);
        var mediaUrl = MediaUrl(form);

        var draft = new NewReport(category.Id, description, place.CommunityId)
        {
            CompoundId = place.CompoundId,
            BuildingId = place.BuildingId,
            PlaceNote = place.PlaceNote,
            LocationLabel = addressString,
            Latitude = lat,
            Longitude = lng,
            MediaUrl = mediaUrl,
            Source = Source,
            ExternalReporter = Reporter(client, form),
            ReporterContact = Contact(form),
        };

        var report = await reports.FileAsync(draft, null, ct);
        outbox.Signal();

        // The answer names the grid (or the community) that has it.
        await db.Entry(report).Reference(r => r.Grid).LoadAsync(ct);
        await db.Entry(report).Reference(r => r.Community).LoadAsync(ct);
        LogFiled(log, report.Ticket, client.Name, category.Name);
        return new CreatedRequestDto(report.Ticket, $"已转{RequestMapping.Agency(report)}处理，{ServiceMapping.Notice(category)}。", AccountId: null);
    }

    /// <summary>
    /// Who filed it, as the worker's card shows it (masked to the first character). The store has no contact
    /// columns, so phone and email follow the name here: the grid worker may need to call back.
    /// </summary>
    private static string Reporter(Open311Client client, IFormCollection form)
    {
        var first = Field(form, "first_name", MaxFieldLength);
        var last = Field(form, "last_name", MaxFieldLength);
        // Chinese names are family name first and unspaced: last_name 张 + first_name 丽 is 张丽.
        var name = (first, last) switch
        {
            ({ } f, { } l) when IsChinese(l + f) => l + f,
            ({ } f, { } l) => $"{f} {l}",
            _ => first ?? last,
        };
        return name is null ? client.Name : $"{name}（经{client.Name}）";
    }

    private static string? Contact(IFormCollection form)
    {
        var contact = string.Join(" ", new[] { Field(form, "phone", MaxFieldLength), Field(form, "email", MaxFieldLength) }.OfType<string>());
        return contact.Length > 0 ? contact : null;
    }

    private static bool IsChinese(string name) => name.All(c => c is >= '\u4e00' and <= '\u9fff' or '·');

    private static (double? Lat, double? Long) Coordinates(IFormCollection form)
    {
        var latText = Field(form, "lat", MaxFieldLength);
        var longText = Field(form, "long", MaxFieldLength);
        if (latText is null && longText is null) return (null, null);
        if (latText is null || longText is null) throw Open311Exception.BadRequest("lat 和 long 要一起提供。");
        if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90 || double.IsNaN(lat))
            throw Open311Exception.BadRequest($"lat「{latText}」不是有效的纬度（WGS84，-90 到 90）。");
        if (!double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng) || lng is < -180 or > 180 || double.IsNaN(lng))
            throw Open311Exception.BadRequest($"long「{longText}」不是有效的经度（WGS84，-180 到 180）。");
        return (lat, lng);
    }

    private static string? MediaUrl(IFormCollection form)
    {
        var text = Field(form, "media_url", MaxUrlLength);
        if (text is null) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : throw Open311Exception.BadRequest("media_url 要是 http 或 https 开头的完整网址。");
    }

    /// <summary>A trimmed form value; null when empty, as the spec treats an empty parameter like a missing one.</summary>
    private static string? Field(IFormCollection form, string name, int maxLength)
    {
        var value = form[name].ToString().Trim();
        if (value.Length == 0) return null;
        return value.Length <= maxLength ? value : throw Open311Exception.BadRequest($"{name} 太长，最多 {maxLength} 字。");
    }

    [LoggerMessage(LogLevel.Information, "Open311 request {Ticket} filed by {Client} ({Category})")]
    private static partial void LogFiled(ILogger logger, string ticket, string client, string category);
}
