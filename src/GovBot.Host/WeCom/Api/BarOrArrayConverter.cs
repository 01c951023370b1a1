using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// Reads a user list as WeCom gives it: message/send answers "a|b", update_template_card answers ["a","b"].
/// Either way we keep the '|'-joined form, the one WeCom uses on input.
/// </summary>
public sealed class BarOrArrayConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString() is { Length: > 0 } s ? s : null;
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : reader.GetInt64().ToString());
                return items.Count > 0 ? string.Join('|', items) : null;
            default:
                throw new JsonException("Expected a '|'-joined string or an array.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
