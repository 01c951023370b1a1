using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>What every WeCom answer carries; errcode 0 means it was done.</summary>
public abstract record WeComResult
{
    [JsonPropertyName("errcode")]
    public int ErrCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrMsg { get; init; }

    [JsonIgnore]
    public bool IsOk => ErrCode == WeComErrors.Ok;

    [JsonIgnore]
    public WeComErrorKind Kind => WeComErrors.Classify(ErrCode);
}

/// <summary>The answer to message/send and to message/update_template_card.</summary>
public sealed record WeComSendResult : WeComResult
{
    [JsonPropertyName("msgid")]
    public string? MsgId { get; init; }

    /// <summary>Recipients WeCom does not know or may not message, '|'-joined; the rest got it.</summary>
    [JsonPropertyName("invaliduser"), JsonConverter(typeof(BarOrArrayConverter))]
    public string? InvalidUser { get; init; }

    [JsonPropertyName("invalidparty"), JsonConverter(typeof(BarOrArrayConverter))]
    public string? InvalidParty { get; init; }

    [JsonPropertyName("invalidtag"), JsonConverter(typeof(BarOrArrayConverter))]
    public string? InvalidTag { get; init; }

    /// <summary>Recipients without an interface licence, who did not get it.</summary>
    [JsonPropertyName("unlicenseduser"), JsonConverter(typeof(BarOrArrayConverter))]
    public string? UnlicensedUser { get; init; }

    /// <summary>Given for cards with buttons; lets the card be updated once.</summary>
    [JsonPropertyName("response_code")]
    public string? ResponseCode { get; init; }
}

/// <summary>The answer to media/get: the file when <see cref="WeComResult.IsOk"/>, otherwise the refusal.</summary>
public sealed record WeComMediaResult : WeComResult
{
    public WeComMedia? Media { get; init; }
}

public sealed record WeComMedia(byte[] Content, string ContentType, string? FileName);

/// <summary>The answer to gettoken.</summary>
public sealed record WeComTokenResult : WeComResult
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }
}
