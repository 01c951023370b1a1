using System.Text.Json.Serialization;
using GovBot.Host.WeCom.Api;

namespace GovBot.Host.WeCom.CustomerService.Links;

/// <summary>kf/add_contact_way's answer: the link that opens the account with the scene.</summary>
public sealed record KfContactWayResult : WeComResult
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }
}

/// <summary>kf/service_state/get's answer.</summary>
public sealed record KfServiceStateResult : WeComResult
{
    /// <summary>0 new, 1 smart assistant, 2 queued, 3 a servicer, 4 ended (CustomerServiceState's numbers).</summary>
    [JsonPropertyName("service_state")]
    public int ServiceState { get; init; }

    [JsonPropertyName("servicer_userid")]
    public string? ServicerUserId { get; init; }
}

/// <summary>kf/service_state/trans's answer; msg_code lets the app send one message about the change.</summary>
public sealed record KfServiceTransResult : WeComResult
{
    [JsonPropertyName("msg_code")]
    public string? MsgCode { get; init; }
}

internal sealed record KfContactWayRequest(
    [property: JsonPropertyName("open_kfid")] string OpenKfId,
    [property: JsonPropertyName("scene")] string Scene);

internal sealed record KfServiceStateRequest(
    [property: JsonPropertyName("open_kfid")] string OpenKfId,
    [property: JsonPropertyName("external_userid")] string ExternalUserId);

internal sealed record KfServiceTransRequest(
    [property: JsonPropertyName("open_kfid")] string OpenKfId,
    [property: JsonPropertyName("external_userid")] string ExternalUserId,
    [property: JsonPropertyName("service_state")] int ServiceState,
    [property: JsonPropertyName("servicer_userid")] string? ServicerUserId);
