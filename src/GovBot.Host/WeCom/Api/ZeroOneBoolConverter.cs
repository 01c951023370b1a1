using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>WeCom's flags are the integers 0 and 1, not JSON booleans.</summary>
public sealed class ZeroOneBoolConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => reader.GetInt32() != 0,
            _ => throw new JsonException("Expected 0 or 1."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value ? 1 : 0);
}
