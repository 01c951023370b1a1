using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>Serializer settings for WeCom's wire format.</summary>
public static class WeComJson
{
    /// <summary>
    /// Leaves out unset optional fields, and writes every non-ASCII character as itself:
    /// WeCom refuses "\uXXXX" escapes with errcode 40033.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = WeComJsonEncoder.Instance,
    };
}
