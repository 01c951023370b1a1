using System.Globalization;
using System.Xml;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Reads a decrypted callback message into <see cref="WeComInboundMessage"/>.</summary>
public static class WeComMessageParser
{
    /// <exception cref="WeComXmlException">Malformed, oversized or DTD-bearing input; a missing FromUserName, MsgType or CreateTime; a non-numeric number.</exception>
    public static WeComInboundMessage Parse(string? xml, int maxCharacters = WeComXmlLimits.DefaultMaxCharacters) =>
        // Rows stored before the callback cleaned its XML, and any other caller, get the same forgiveness.
        WeComSafeXmlReader.Read(xml is null ? null : WeComXmlCleaner.Clean(xml), maxCharacters, static reader =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            WeComSafeXmlReader.ForEachField(reader, values, static (r, v) =>
            {
                if (IsKnown(r.LocalName))
                {
                    string name = r.LocalName;
                    v[name] = r.ReadElementContentAsString();
                }
                else
                {
                    // Nested or unmodelled elements (SelectedItems, ScanCodeInfo, ...) are skipped whole.
                    r.Skip();
                }
            });
            return Build(values);
        });

    private static WeComInboundMessage Build(Dictionary<string, string> values) => new()
    {
        ToUserName = values.GetValueOrDefault(WeComFieldNames.ToUserName) ?? "",
        // 微信客服's kf_msg_or_event has no sender (it names an account): the account stands in for it.
        FromUserName = values.GetValueOrDefault(WeComFieldNames.FromUserName) is null && values.GetValueOrDefault(WeComFieldNames.OpenKfId) is { Length: > 0 } account
            ? account
            : Required(values, WeComFieldNames.FromUserName),
        CreateTime = ParseLong(Required(values, WeComFieldNames.CreateTime), WeComFieldNames.CreateTime),
        MsgType = Required(values, WeComFieldNames.MsgType),
        MsgId = NullIfEmpty(values.GetValueOrDefault(WeComFieldNames.MsgId)),
        AgentId = NullIfEmpty(values.GetValueOrDefault(WeComFieldNames.AgentId)),
        Content = values.GetValueOrDefault(WeComFieldNames.Content),
        PicUrl = values.GetValueOrDefault(WeComFieldNames.PicUrl),
        MediaId = values.GetValueOrDefault(WeComFieldNames.MediaId),
        Format = values.GetValueOrDefault(WeComFieldNames.Format),
        Recognition = values.GetValueOrDefault(WeComFieldNames.Recognition),
        LocationX = OptionalDouble(values, WeComFieldNames.LocationX),
        LocationY = OptionalDouble(values, WeComFieldNames.LocationY),
        Scale = OptionalInt(values, WeComFieldNames.Scale),
        Label = values.GetValueOrDefault(WeComFieldNames.Label),
        Title = values.GetValueOrDefault(WeComFieldNames.Title),
        Description = values.GetValueOrDefault(WeComFieldNames.Description),
        Url = values.GetValueOrDefault(WeComFieldNames.Url),
        Event = NullIfEmpty(values.GetValueOrDefault(WeComFieldNames.Event)),
        EventKey = values.GetValueOrDefault(WeComFieldNames.EventKey),
        TaskId = values.GetValueOrDefault(WeComFieldNames.TaskId),
        CardType = values.GetValueOrDefault(WeComFieldNames.CardType),
        ResponseCode = values.GetValueOrDefault(WeComFieldNames.ResponseCode),
        Latitude = OptionalDouble(values, WeComFieldNames.Latitude),
        Longitude = OptionalDouble(values, WeComFieldNames.Longitude),
        Precision = OptionalDouble(values, WeComFieldNames.Precision),
        Token = NullIfEmpty(values.GetValueOrDefault(WeComFieldNames.Token)),
        OpenKfId = NullIfEmpty(values.GetValueOrDefault(WeComFieldNames.OpenKfId)),
    };

    private static bool IsKnown(string name) => name switch
    {
        WeComFieldNames.ToUserName or WeComFieldNames.FromUserName or WeComFieldNames.CreateTime
            or WeComFieldNames.MsgType or WeComFieldNames.MsgId or WeComFieldNames.AgentId
            or WeComFieldNames.Content or WeComFieldNames.PicUrl or WeComFieldNames.MediaId
            or WeComFieldNames.Format or WeComFieldNames.Recognition
            or WeComFieldNames.LocationX or WeComFieldNames.LocationY or WeComFieldNames.Scale or WeComFieldNames.Label
            or WeComFieldNames.Title or WeComFieldNames.Description or WeComFieldNames.Url
            or WeComFieldNames.Event or WeComFieldNames.EventKey or WeComFieldNames.TaskId
            or WeComFieldNames.CardType or WeComFieldNames.ResponseCode
            or WeComFieldNames.Latitude or WeComFieldNames.Longitude or WeComFieldNames.Precision
            or WeComFieldNames.Token or WeComFieldNames.OpenKfId => true,
        _ => false,
    };

    private static string Required(Dictionary<string, string> values, string name)
    {
        if (values.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        throw new WeComXmlException(WeComXmlError.MissingField, $"The message has no <{name}>.", name);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static long ParseLong(string text, string name) =>
        long.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Invalid(name);

    private static int? OptionalInt(Dictionary<string, string> values, string name)
    {
        string? text = NullIfEmpty(values.GetValueOrDefault(name));
        return text is null
            ? null
            : int.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Invalid(name);
    }

    private static double? OptionalDouble(Dictionary<string, string> values, string name)
    {
        string? text = NullIfEmpty(values.GetValueOrDefault(name));
        if (text is null)
        {
            return null;
        }

        // Rejects NaN and infinities too: no real coordinate is either.
        return double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw Invalid(name);
    }

    private static WeComXmlException Invalid(string name) =>
        new(WeComXmlError.InvalidField, $"<{name}> does not hold a number.", name);
}
